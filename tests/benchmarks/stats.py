"""Statistics and the results table of ``./dev bench`` (pure Python, unit-tested)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def median(values: Sequence[float]) -> float:
    """The middle value (mean of the two middle values for an even count)."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def spread(values: Sequence[float]) -> float:
    """Range of the repetitions (largest minus smallest); 0 for a single value."""
    if not values:
        raise ValueError("spread of no values")
    return max(values) - min(values)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least ``p`` % of values at or below."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 < p <= 100:
        raise ValueError("p must be in (0, 100]")
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


@dataclass
class Metric:
    """One line of the table: repeated samples, an optional baseline, and the targets.

    ``max_value`` is an absolute ceiling in ``unit``; ``max_ratio`` a ceiling on
    value / baseline. A metric is met when every target it has is met.
    """

    key: str
    title: str
    unit: str
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    max_value: float | None = None
    max_ratio: float | None = None
    note: str = ""
    skipped: str | None = None  # why it was not measured

    @property
    def value(self) -> float | None:
        return median(self.samples) if self.samples else None

    @property
    def baseline(self) -> float | None:
        return median(self.baseline_samples) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        value, baseline = self.value, self.baseline
        if value is None or baseline is None or baseline == 0:
            return None
        return value / baseline

    @property
    def target(self) -> str:
        parts = []
        if self.max_value is not None:
            parts.append(f"≤ {_num(self.max_value)} {self.unit}")
        if self.max_ratio is not None:
            parts.append(f"ratio ≤ {_num(self.max_ratio)}")
        return " and ".join(parts)

    @property
    def met(self) -> bool | None:
        """None when not measured, or when the metric is for information (no target)."""
        value = self.value
        if self.skipped is not None or value is None:
            return None
        if self.max_value is None and self.max_ratio is None:
            return None
        if self.max_value is not None and value > self.max_value:
            return False
        if self.max_ratio is not None:
            ratio = self.ratio
            if ratio is None or ratio > self.max_ratio:
                return False
        return True

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "value": self.value,
            "unit": self.unit,
            "spread": spread(self.samples) if self.samples else None,
            "samples": self.samples,
            "baseline": self.baseline,
            "baseline_spread": spread(self.baseline_samples) if self.baseline_samples else None,
            "ratio": self.ratio,
            "target": self.target,
            "met": self.met,
            "note": self.note,
            "skipped": self.skipped,
        }


def _num(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 0.1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def table(metrics: Sequence[Metric]) -> str:
    """A Markdown table (readable in a terminal and pasted as is into docs/performance.md)."""
    rows = [
        ("metric", "value", "spread", "baseline", "ratio", "target", "met"),
        ("---", "---:", "---:", "---:", "---:", "---", "---"),
    ]
    for m in metrics:
        if m.skipped is not None or m.value is None:
            rows.append((m.title, "—", "", "", "", m.target, f"skipped: {m.skipped}"))
            continue
        ratio = m.ratio
        rows.append(
            (
                m.title,
                f"{_num(m.value)} {m.unit}",
                f"{_num(spread(m.samples))}",
                f"{_num(m.baseline)} {m.unit}" if m.baseline is not None else "",
                _num(ratio) if ratio is not None else "",
                m.target or "for information",
                "—" if m.met is None else "yes" if m.met else "**no**",
            )
        )
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def write_json(metrics: Sequence[Metric], path: Path, context: dict[str, Any]) -> None:
    data = {"context": context, "metrics": {m.key: m.to_json() for m in metrics}}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def metric_from_json(key: str, data: dict[str, Any]) -> Metric:
    """Rebuild a :class:`Metric` sent by a benchmark child process."""
    return Metric(
        key=key,
        title=str(data["title"]),
        unit=str(data["unit"]),
        samples=[float(v) for v in data.get("samples", [])],
        baseline_samples=[float(v) for v in data.get("baseline_samples", [])],
        max_value=data.get("max_value"),
        max_ratio=data.get("max_ratio"),
        note=str(data.get("note", "")),
        skipped=data.get("skipped"),
    )


def metric_to_wire(metric: Metric) -> dict[str, Any]:
    return {
        "title": metric.title,
        "unit": metric.unit,
        "samples": metric.samples,
        "baseline_samples": metric.baseline_samples,
        "max_value": metric.max_value,
        "max_ratio": metric.max_ratio,
        "note": metric.note,
        "skipped": metric.skipped,
    }
