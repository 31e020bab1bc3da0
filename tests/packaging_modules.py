"""Import the scripts of ``packaging/`` (not a package: its name is taken by PyPI's)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def load(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module (cached in ``sys.modules`` as ``packaging_<name>``)."""
    key = f"packaging_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module
