"""The statistics behind ``./dev bench`` (timings themselves are never asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.benchmarks.run import merge
from tests.benchmarks.stats import (
    Metric,
    median,
    metric_from_json,
    metric_to_wire,
    percentile,
    spread,
    table,
    write_json,
)

values = st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=50)


def test_median_odd_and_even() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([7.0]) == 7.0


def test_spread_is_the_range() -> None:
    assert spread([5.0, 2.0, 9.0]) == 7.0
    assert spread([1.5]) == 0.0


def test_percentile_nearest_rank() -> None:
    data = [float(v) for v in range(1, 101)]  # 1..100
    assert percentile(data, 99) == 99.0
    assert percentile(data, 50) == 50.0
    assert percentile(data, 100) == 100.0
    assert percentile([10.0, 20.0, 30.0], 99) == 30.0
    assert percentile([10.0, 20.0, 30.0], 1) == 10.0


@pytest.mark.parametrize("function", [median, spread, lambda v: percentile(v, 99)])
def test_no_values_is_an_error(function: object) -> None:
    assert callable(function)
    with pytest.raises(ValueError):
        function([])


def test_percentile_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        percentile([1.0], 0)
    with pytest.raises(ValueError):
        percentile([1.0], 101)


@given(values)
def test_statistics_stay_within_the_samples(data: list[float]) -> None:
    assert min(data) <= median(data) <= max(data)
    assert min(data) <= percentile(data, 99) <= max(data)
    assert percentile(data, 50) <= percentile(data, 99)
    assert spread(data) >= 0


def test_metric_with_ratio_and_absolute_targets() -> None:
    m = Metric("k", "open", "ms", samples=[40.0, 60.0, 45.0], baseline_samples=[1000.0])
    m.max_value, m.max_ratio = 50, 0.05
    assert m.value == 45.0
    assert m.ratio == pytest.approx(0.045)
    assert m.met is True
    assert m.target == "≤ 50.0 ms and ratio ≤ 0.05"
    m.samples = [51.0]
    assert m.met is False  # over the absolute ceiling although the ratio is fine
    m.samples, m.baseline_samples = [45.0], [100.0]
    assert m.met is False  # under the ceiling, ratio 0.45 too high


def test_ratio_target_needs_a_baseline() -> None:
    m = Metric("k", "start", "ms", samples=[10.0], max_ratio=1.5)
    assert m.ratio is None
    assert m.met is False


def test_a_metric_without_target_is_for_information() -> None:
    m = Metric(key="k", title="usable", unit="ms", samples=[300.0], baseline_samples=[100.0])
    assert m.met is None
    assert m.ratio == 3.0
    row = table([m]).splitlines()[-1]
    assert "for information" in row and row.endswith("| — |")


def test_skipped_metric_is_neither_met_nor_missed() -> None:
    m = Metric("emoji", "emoji search", "ms", max_value=2, skipped="not available yet")
    assert m.met is None
    assert "skipped: not available yet" in table([m])


def test_json_has_every_field(tmp_path: Path) -> None:
    m = Metric("k", "open", "ms", samples=[1.0, 3.0], baseline_samples=[10.0], max_ratio=0.5)
    path = tmp_path / "bench-results.json"
    write_json([m], path, {"cpus": 2})
    entry = json.loads(path.read_text(encoding="utf-8"))["metrics"]["k"]
    assert entry["value"] == 2.0
    assert entry["unit"] == "ms"
    assert entry["baseline"] == 10.0
    assert entry["ratio"] == pytest.approx(0.2)
    assert entry["target"] == "ratio ≤ 0.50"
    assert entry["met"] is True
    assert entry["spread"] == 2.0


def test_wire_round_trip_and_merge_of_processes() -> None:
    a = Metric("mem", "memory", "MB", samples=[70.0], baseline_samples=[90.0], max_value=150)
    b = metric_from_json("mem", json.loads(json.dumps(metric_to_wire(a))))
    b.samples, b.baseline_samples = [80.0], [100.0]
    (merged,) = merge([[a], [b]])
    assert merged.samples == [70.0, 80.0]
    assert merged.baseline_samples == [90.0, 100.0]
    assert merged.max_value == 150
