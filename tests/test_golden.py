"""End to end: article text in, the records a careful coder would write out (tests/golden/)."""

import json
from pathlib import Path

import pytest

from faultline import extract_text
from faultline.config import Settings
from faultline.model import Article
from faultline.pipeline import Pipeline

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.expected.json"))


@pytest.fixture(scope="session")
def pipeline():
    return Pipeline.build(Settings())


def load_case(path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    text_path = path.parent / expected.get("text_file", path.name.replace(".expected.json", ".txt"))
    return text_path.read_text(encoding="utf-8"), expected


@pytest.mark.parametrize("case", CASES, ids=[c.name.split(".")[0] for c in CASES])
def test_golden_article(case, pipeline):
    from faultline.dedup import build_event
    import datetime as dt

    text, expected = load_case(case)
    article = Article(id=case.name, text=text, published=dt.date.fromisoformat(expected["published"]))
    result = pipeline.process(article)
    assert not result.rejections
    events = [build_event([m]) for m in result.events]
    assert len(events) == len(expected["events"]), [(e.sub_event_type, e.notes) for e in events]
    for event, want in zip(events, expected["events"]):
        record = event.to_record()
        for key, value in want.items():
            if key.endswith("_contains"):
                assert value in record[key.removesuffix("_contains")], (key, record[key.removesuffix("_contains")])
            elif key == "attribution_kinds":
                assert {a["kind"] for a in record["attribution"]} & set(value), record["attribution"]
            elif key == "claim":
                assert record["claim"] and record["claim"]["status"] == value, record["claim"]
            elif key == "figure_sides":
                sides = {f["who"]: f["side"] for f in record["figures"]}
                for who, side in value.items():
                    assert sides.get(who) == side, record["figures"]
            else:
                assert record[key] == value, (key, record[key])
        for item in record["evidence"]:
            assert text[item["start"]:item["end"]] == item["text"]
    modalities = {m.modality for m in result.mentions}
    assert set(expected.get("mention_modalities", [])) <= modalities, modalities


def test_extract_text_is_the_same_as_the_pipeline():
    text, expected = load_case(GOLDEN / "quetta-suicide-bombing.expected.json")
    import datetime as dt

    events = extract_text(text, published=dt.date.fromisoformat(expected["published"]))
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]
    assert events[0].fatalities == 23
