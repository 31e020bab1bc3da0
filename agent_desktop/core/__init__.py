"""Pure-Python domain logic: no Qt import anywhere below this package."""
