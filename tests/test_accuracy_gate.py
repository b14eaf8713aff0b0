"""The evaluation gate: end-to-end accuracy may not fall below the floors in benchmarks/baseline.json.

The floors are the figures the benchmarks printed when they were last raised, less a small margin;
raising a floor is a deliberate edit of baseline.json. Skipped when ../shared/data is absent.
"""

import json
from pathlib import Path

import pytest

from benchmarks.datasets import DATA_DIR, load_wiki_terror

BASELINE = json.loads((Path(__file__).resolve().parents[1] / "benchmarks" / "baseline.json").read_text())

pytestmark = pytest.mark.skipif(
    not (DATA_DIR / "case2021-task2").is_dir() or not (DATA_DIR / "wiki-terror-incidents").is_dir(),
    reason="evaluation data (../shared/data) not present",
)


def test_event_types_on_case2021_hold_their_floor():
    from benchmarks.event_types import predict, read_case, scores

    measured = scores(predict(read_case(), end_to_end=True))
    floors = BASELINE["case2021"]
    assert measured["type_accuracy"] >= floors["event_type_accuracy"], measured["type_accuracy"]
    assert measured["micro"][2] >= floors["sub_event_micro_f1"], measured["micro"]


def test_fatalities_on_wikipedia_incidents_hold_their_floor():
    from benchmarks.fatalities import end_to_end_scorer

    score = end_to_end_scorer()
    rows = load_wiki_terror()
    hits = sum(score(row["Description"])[0] == int(float(row["Dead"])) for row in rows if row["Dead"].strip())
    accuracy = hits / len(rows)
    assert accuracy >= BASELINE["wiki_terror"]["fatalities_exact_victims"], accuracy
