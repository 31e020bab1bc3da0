"""Cold start: ``agent-desktop`` to its first painted main window, against a bare QMainWindow.

Both are started as fresh processes of the same interpreter, offscreen; each prints
``first-paint <time.time()>`` at its first paint and exits. The time is taken from just
before the process is spawned. The app runs on the demo backend with a new, empty
``--profile`` each time (first run of a new user: the demo database is created too).
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.stats import Metric

BARE = Path(__file__).with_name("bare_window.py")


def _start_times_s(command: list[str]) -> tuple[float, float | None]:
    """(first paint, usable) in seconds from the spawn: the process prints ``first-paint T``
    and, the app only, ``started T`` (backend connected, window painted with its desk)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AGENT_DESKTOP_EXIT_AFTER_FIRST_PAINT="1")
    # as installed: the bytecode is read, not compiled again at every start (see compile_app())
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    marks = dict(line.split()[:2] for line in done.stdout.splitlines() if line.count(" ") == 1)
    if "first-paint" not in marks:
        raise RuntimeError(f"{command[0]} printed no first-paint line: {done.stdout}{done.stderr}")
    started = float(marks["started"]) - start if "started" in marks else None
    return float(marks["first-paint"]) - start, started


def compile_app() -> None:
    """Compile the app's modules to bytecode, as ``pip install`` does for an installed
    package (and PyInstaller for the bundle). Without it an editable install run with
    ``PYTHONDONTWRITEBYTECODE`` compiles its ~200 modules at every start (~150 ms), which
    no installed copy does; the baseline's modules (PySide6) are compiled already."""
    import agent_desktop

    compileall.compile_dir(Path(agent_desktop.__file__).parent, quiet=1)


def _app_command(profile: Path) -> list[str]:
    script = Path(sys.executable).with_name("agent-desktop")
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "agent_desktop"]
    return [*launcher, "--backend", "demo", "--profile", str(profile)]


def measure(repeat: int) -> list[Metric]:
    metric = Metric(
        key="cold_start",
        title="cold start to first painted main window",
        unit="ms",
        max_ratio=1.5,
        note="agent-desktop --backend demo --profile NEW vs bare_window.py, same interpreter",
    )
    usable = Metric(
        key="cold_start_usable",
        title="cold start to a usable main window (backend connected), for information",
        unit="ms",
        note="the same runs: until the desk is attached, the demo backend connected and the "
        "window painted again",
    )
    # one untimed run of each first: the OS file cache, as on a machine that ran it before
    compile_app()
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as scratch:
        _start_times_s(_app_command(Path(scratch) / "warm"))
        _start_times_s([sys.executable, str(BARE)])
        for i in range(repeat):
            # alternate so that any drift of the machine hits both alike
            bare, _ = _start_times_s([sys.executable, str(BARE)])
            painted, started = _start_times_s(_app_command(Path(scratch) / f"p{i}"))
            metric.baseline_samples.append(1000 * bare)
            usable.baseline_samples.append(1000 * bare)
            metric.samples.append(1000 * painted)
            if started is None:
                raise RuntimeError("agent-desktop printed no started line")
            usable.samples.append(1000 * started)
    return [metric, usable]
