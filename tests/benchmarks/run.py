"""``./dev bench``: every benchmark, each group in a fresh process; a table and a JSON file.

    python -m tests.benchmarks.run [--soak] [--only GROUP ...] [--repeat N] [--output FILE]

Groups: cold_start, transcript, load, emoji, memory, soak. Method: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.stats import Metric, metric_from_json, metric_to_wire, table, write_json

MARK = "BENCH-RESULT "


@dataclass(frozen=True)
class Group:
    repeat: int
    fresh_process_per_repeat: bool = False


GROUPS: dict[str, Group] = {
    "cold_start": Group(repeat=7),
    "transcript": Group(repeat=3),
    "load": Group(repeat=3),
    "emoji": Group(repeat=5),
    "memory": Group(repeat=3, fresh_process_per_repeat=True),
    "soak": Group(repeat=1),
}


def _measure(name: str, repeat: int, soak_s: float) -> list[Metric]:
    """Runs in the child process."""
    # imported here: each group's child process loads only what it measures
    if name == "cold_start":
        from tests.benchmarks import cold_start

        return cold_start.measure(repeat)
    if name == "transcript":
        from tests.benchmarks import transcript

        return transcript.measure(repeat)
    if name == "emoji":
        from tests.benchmarks import emoji

        return emoji.measure(repeat)
    if name == "memory":
        from tests.benchmarks import memory

        return memory.measure(repeat)
    from tests.benchmarks import load

    return load.soak(soak_s) if name == "soak" else load.measure(repeat)


def _child(name: str, repeat: int, soak_s: float) -> list[Metric]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [
        sys.executable,
        "-m",
        "tests.benchmarks.run",
        "--child",
        name,
        "--repeat",
        str(repeat),
        "--soak-seconds",
        str(soak_s),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith(MARK):
            wire = json.loads(line[len(MARK) :])
            return [metric_from_json(key, data) for key, data in wire.items()]
    sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
    raise RuntimeError(f"benchmark group {name} failed (exit {done.returncode})")


def merge(runs: list[list[Metric]]) -> list[Metric]:
    """Samples of the same metric from several processes, in one metric."""
    merged: dict[str, Metric] = {}
    for run in runs:
        for metric in run:
            known = merged.get(metric.key)
            if known is None:
                merged[metric.key] = metric
            else:
                known.samples.extend(metric.samples)
                known.baseline_samples.extend(metric.baseline_samples)
    return list(merged.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev bench", description=__doc__)
    parser.add_argument("--soak", action="store_true", help="10-minute soak instead of 60 s")
    parser.add_argument("--only", nargs="+", choices=sorted(GROUPS), help="these groups only")
    parser.add_argument("--repeat", type=int, help="repetitions of every group")
    parser.add_argument("--output", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--soak-seconds", type=float, default=60.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    soak_s = 600.0 if args.soak else args.soak_seconds

    if args.child:
        measured = _measure(args.child, args.repeat or GROUPS[args.child].repeat, soak_s)
        wire = {m.key: metric_to_wire(m) for m in measured}
        print(MARK + json.dumps(wire), flush=True)
        return 0

    metrics: list[Metric] = []
    started = time.perf_counter()
    for name in args.only or list(GROUPS):
        group = GROUPS[name]
        repeat = args.repeat or group.repeat
        print(f"== {name} ({repeat}x)", flush=True)
        if group.fresh_process_per_repeat:
            found = merge([_child(name, 1, soak_s) for _ in range(repeat)])
        else:
            found = _child(name, repeat, soak_s)
        metrics.extend(found)
    print()
    print(table(metrics))
    context = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "system": platform.platform(),
        "cpus": os.cpu_count(),
        "qpa": "offscreen",
        "soak_seconds": soak_s,
        "duration_s": round(time.perf_counter() - started, 1),
    }
    try:
        from PySide6 import __version__ as pyside_version

        context["pyside6"] = pyside_version
    except ImportError:
        pass
    write_json(metrics, args.output, context)
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
