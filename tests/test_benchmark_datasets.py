"""The argument-benchmark readers rebuild texts whose gold offsets are exact (needs ../shared/data)."""

import pytest

from benchmarks.datasets import DATA_DIR, load_rams, load_wikievents

pytestmark = pytest.mark.skipif(
    not (DATA_DIR / "wikievents" / "dev.jsonl").exists() or not (DATA_DIR / "rams" / "dev.jsonlines").exists(),
    reason="the shared evaluation data is not available",
)


def test_wikievents_offsets_point_at_the_annotated_words():
    docs = load_wikievents("dev")
    first = docs[0].events[0]
    assert (first.text, first.arguments[0].text) == ("kills", "general")
    for doc in docs:
        for event in doc.events:
            low, high = doc.sentences[event.sentence]
            assert low <= event.start < event.end <= high
            assert doc.text[event.start:event.end] == event.text
            for argument in event.arguments:
                assert (argument.start, argument.end) in argument.mentions


def test_wikievents_headlines_end_in_a_paragraph_break():
    text = load_wikievents("dev")[0].text
    assert text.startswith("Roadside IED kills Russian major general in Syria\n\nThe desert")


def test_rams_tokens_are_joined_as_written():
    doc = load_rams("dev")[0]
    assert "In Saddam Hussein's Iraq that might work" in doc.text
    event = doc.events[0]
    assert event.text == "exterminated"
    assert [(a.role, a.text) for a in event.arguments] == [("victim", "opponents"), ("place", "Iraq")]
