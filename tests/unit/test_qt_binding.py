"""Guards against Qt binding bugs that would crash the app over a working day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)
    keyed_flag = Signal(str, bool)


def test_bool_signals_keep_the_reference_counts_of_true_and_false() -> None:
    """PySide6 6.12.0 dropped a reference to the bool on each emission of a bool signal.

    On Python 3.11 True and False are not immortal, so after a few thousand emissions
    (typing notices, hover, busy states...) the interpreter aborts with ``bool_dealloc``.
    """
    emitter = _Emitter()
    received: list[bool] = []
    emitter.flag.connect(received.append)
    emitter.keyed_flag.connect(lambda _key, value: received.append(value))
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(200):
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.keyed_flag.emit("k", True)
    received.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
