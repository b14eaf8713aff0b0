"""Raw-text sentence boundaries and window selection for the pre-filter."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faultline.nlp import select_windows, sentence_spans


def texts(spans, text):
    return [text[a:b] for a, b in spans]


def test_splits_on_full_stops_but_not_abbreviations():
    text = "Gen. Rahimov said the U.S. envoy left. Two soldiers died! Was it planned? Nobody knows."
    assert texts(sentence_spans(text), text) == [
        "Gen. Rahimov said the U.S. envoy left.",
        "Two soldiers died!",
        "Was it planned?",
        "Nobody knows.",
    ]


def test_closing_quote_stays_with_its_sentence_and_paragraphs_split():
    text = 'He said: "We will fight." Then he left\n\nA new paragraph without a stop'
    assert texts(sentence_spans(text), text) == [
        'He said: "We will fight."',
        "Then he left",
        "A new paragraph without a stop",
    ]


@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'X9"), max_size=200))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


def test_windows_keep_cue_sentences_with_their_neighbours_and_merge_overlaps():
    text = ("The market opened. Prices rose. Gunmen attacked a checkpoint. Two guards died. "
            "Rain fell. The sun set. The moon rose. Police arrested a suspect. Night came.")
    cue = re.compile(r"\b(attack|arrest)", re.IGNORECASE)
    windows = texts(select_windows(text, cue, context=1), text)
    assert windows == [
        "Prices rose. Gunmen attacked a checkpoint. Two guards died.",
        "The moon rose. Police arrested a suspect. Night came.",
    ]


def test_no_cue_keeps_everything_and_text_without_cues_gives_no_window():
    text = "One sentence here. Another one there."
    assert texts(select_windows(text, None, context=1), text) == [text]
    assert select_windows(text, re.compile(r"\bbomb"), context=1) == []


def test_follow_sentences_are_kept_only_in_articles_with_a_cue():
    cue = re.compile(r"\battack", re.IGNORECASE)
    follow = lambda sentence: "died" in sentence  # noqa: E731
    with_event = "Gunmen attacked a post. The weather was fine. Two officers died."
    assert texts(select_windows(with_event, cue, context=0, follow=follow), with_event) == [
        "Gunmen attacked a post.",
        "Two officers died.",
    ]
    obituary = "The singer died on Monday. She was 90."
    assert select_windows(obituary, cue, context=0, follow=follow) == []


@pytest.mark.parametrize("dateline", [
    "MANILA, Aug 9 (Reuters) - ", "MANILA — ", "MANILA: ", "MANILA, Philippines, Aug. 9, 2019 (Xinhua) -- ",
])
def test_a_dateline_opening_a_line_or_a_sentence_is_a_window_of_its_own(dateline):
    lede = "Divers searched the water for survivors."
    for headline, between in (("Ferry sinks off coast", "\n"), ("Ferry sinks off coast.", " ")):
        text = headline + between + dateline + lede
        assert texts(select_windows(text, None, context=1), text) == [headline, dateline, lede]
    # Capitals inside a sentence open no dateline.
    text = "Envoys from the UN, EU and AU met - briefly - on Monday."
    assert texts(select_windows(text, None, context=1), text) == [text]
