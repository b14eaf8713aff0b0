"""Casualty figures in sentences and conservative totals (faultline.extract.figures)."""

from __future__ import annotations

import pytest

from faultline.errors import DataFileError
from faultline.extract.figures import CasualtyTerms, fatality_total, find_figures, kind_total, unnumbered_count
from faultline.model import Attribution, Figure, Span

OFFSET = 1000  # the window's place in a pretend article: every span must come back shifted by it


def figures_of(nlp, text, attribution=None):
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        out.extend(find_figures(sent, OFFSET, attribution=attribution))
    return out


def kinds(figs):
    return sorted((f.kind, f.count) for f in figs)


@pytest.mark.parametrize(("text", "expected"), [
    ("Three people were killed and four injured.", [("injured", 4), ("killed", 3)]),
    ("Fifteen attackers were killed in the assault.", [("killed", 15)]),
    ("The blast killed 1,200 people.", [("killed", 1200)]),
    ("Twenty-one villagers died in the raid.", [("killed", 21)]),
    ("Gunmen stormed the village, killing 6 civilians.", [("killed", 6)]),
    ("The explosion left seven people dead and 20 wounded.", [("injured", 20), ("killed", 7)]),
    ("The death toll rose to 12.", [("killed", 12)]),
    ("The attack claimed 5 lives.", [("killed", 5)]),
    ("15 dead and 20 wounded in Kabul blast", [("injured", 20), ("killed", 15)]),
    ("Gunmen stormed the village, killing two and injuring five.", [("injured", 5), ("killed", 2)]),
    ("Dozens of people were killed in the attack.", [("killed", 12)]),
    ("A policeman was killed in the blast.", [("killed", 1)]),
    ("Militants abducted 20 passengers from the bus.", [("captured", 20)]),
    ("Police arrested 15 protesters.", [("captured", 15)]),
    ("Five aid workers were taken hostage.", [("captured", 5)]),
    ("Two soldiers remain missing.", [("missing", 2)]),
    ("The bodies of 12 villagers were found.", [("killed", 12)]),
    ("Four people were stabbed at the market.", [("injured", 4)]),
    ("The gunman stabbed 4 people to death.", [("killed", 4)]),
])
def test_each_casualty_phrasing(nlp, text, expected):
    assert kinds(f for f in figures_of(nlp, text) if f.kind != "participants") == expected


@pytest.mark.parametrize(("text", "count", "low", "high"), [
    ("At least 15 soldiers were killed.", 15, 15, None),
    ("Between 10 and 15 soldiers were killed.", 10, 10, 15),
    ("10 to 15 soldiers were killed.", 10, 10, 15),
    ("Up to 30 people were killed.", 30, None, 30),
    ("More than 40 people died.", 40, 40, None),
])
def test_bounds_are_kept(nlp, text, count, low, high):
    (fig,) = figures_of(nlp, text)
    assert (fig.count, fig.low, fig.high) == (count, low, high)


def test_who_and_side_per_group(nlp):
    figs = figures_of(nlp, "At least 15 attackers were killed and two police officers died.")
    assert [(f.who, f.side, f.count) for f in figs] == [("attackers", "perpetrators", 15), ("officers", "state", 2)]
    (civ,) = figures_of(nlp, "The strike killed 9 civilians.")
    assert (civ.who, civ.side) == ("civilians", "civilians")


def test_conjoined_victims_each_count(nlp):
    figs = figures_of(nlp, "A bomber struck a van, killing three Chinese citizens and their Pakistani driver.")
    assert kinds(figs) == [("killed", 1), ("killed", 3)]
    assert fatality_total(figs)[0] == 4


def test_subset_and_breakdown_do_not_double_count(nlp):
    assert fatality_total(figures_of(nlp, "The attack killed 10 people, including 2 women."))[0] == 10
    figs = figures_of(nlp, "Seven people were killed. The dead included three children.")
    assert fatality_total(figs)[0] == 7


def test_negated_and_attempted_deaths_are_no_figures(nlp):
    assert figures_of(nlp, "No one was killed in the attack.") == []
    assert figures_of(nlp, "Soldiers were not killed.") == []
    assert [f for f in figures_of(nlp, "A failed attempt to assassinate the governor.") if f.kind == "killed"] == []


def test_unnumbered_deaths_use_the_documented_rule(nlp):
    (fig,) = figures_of(nlp, "Gunmen killed civilians in the village.")
    assert (fig.count, fig.approximate) == (unnumbered_count(major=False), True)
    assert unnumbered_count(major=True) == 10


def test_participants(nlp):
    (fig,) = figures_of(nlp, "Some twenty militants attacked the checkpoint.")
    assert (fig.kind, fig.count, fig.side, fig.approximate) == ("participants", 20, "perpetrators", True)
    (crowd,) = figures_of(nlp, "Thousands of protesters marched in the capital.")
    assert (crowd.kind, crowd.count, crowd.who) == ("participants", 1000, "protesters")


def test_spans_are_absolute_and_match_the_text(nlp):
    text = "Officials said the blast killed 9 people. Militants kidnapped 4 engineers."
    article = "x" * OFFSET + text
    figs = figures_of(nlp, text)
    assert len(figs) == 2
    for fig in figs:
        assert article[fig.span.start:fig.span.end] == fig.span.text
        assert article[fig.sentence.start:fig.sentence.end] == fig.sentence.text
    assert "9 people" in figs[0].span.text and "4 engineers" in figs[1].span.text


def test_attribution_is_carried(nlp):
    police = Attribution("police", "police")
    (fig,) = figures_of(nlp, "Five soldiers died.", attribution=police)
    assert fig.attribution == police


def fig(kind, count, *, who=None, side=None, low=None, high=None, source=None, sentence=0, approx=False):
    span = Span(sentence, sentence + 1, "x")
    att = Attribution(source, source) if source else None
    return Figure(kind, count, low, high, span, span, who=who, side=side, attribution=att, approximate=approx)


def test_total_sums_distinct_sides():
    figs = [fig("killed", 15, who="attackers", side="perpetrators"),
            fig("killed", 2, who="officers", side="state", sentence=50)]
    assert fatality_total(figs) == (17, 17, 17)


def test_total_keeps_the_lowest_reliable_when_sources_disagree():
    figs = [fig("killed", 17, who="people", source="official"),
            fig("killed", 25, who="people", source="witness", sentence=50)]
    assert fatality_total(figs) == (17, 17, 25)


def test_total_counts_a_restatement_once():
    figs = [fig("killed", 5, who="soldiers", side="state"),
            fig("killed", 5, who="troops", side="state", sentence=80),
            fig("killed", 5, who="people", sentence=120)]
    assert fatality_total(figs)[0] == 5


def test_total_prefers_a_count_over_a_vague_word_and_keeps_at_least_as_low():
    figs = [fig("killed", 12, who="people", approx=True), fig("killed", 37, who="people", low=37, sentence=9)]
    assert fatality_total(figs)[:2] == (37, 37)


def test_total_same_source_update_takes_the_latest_toll():
    figs = [fig("killed", 10, who="people", source="police"), fig("killed", 12, source="police", sentence=40)]
    assert fatality_total(figs)[0] == 12


def test_kind_total():
    figs = [fig("killed", 3), fig("injured", 4, who="others"), fig("injured", 2, who="officers", side="state")]
    assert kind_total(figs, "injured") == 6
    assert kind_total(figs, "captured") is None
    assert fatality_total([]) == (0, None, None)


def test_casualty_terms_load_and_refuse_bad_files(tmp_path):
    terms = CasualtyTerms.load()
    assert terms.verbs["kill"] == "killed" and terms.sides["soldier"] == "state"
    bad = tmp_path / "terms.toml"
    bad.write_text("[kinds]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        CasualtyTerms.load(bad)
