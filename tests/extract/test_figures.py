"""Casualty figures in sentences and conservative totals (faultline.extract.figures)."""

from __future__ import annotations

import pytest

from faultline.errors import DataFileError
from faultline.extract.figures import CasualtyTerms, find_figures
from faultline.extract.totals import (
    fatality_total,
    kind_total,
    side_class,
    unnumbered_count,
)
from faultline.model import Attribution, Figure, Span
from tests.extract.factory import fig

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
    ("Fighting between gangs inside a jail in the city of Tela left at least 9 inmates dead and 6 injured.",
     [("injured", 6), ("killed", 9)]),
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
    ("Air defences shot down 12 drones overnight, injuring two people.", [("injured", 2)]),
    ("Troops had shot down nine of 15 missiles, officials said.", []),
    ("Police shot three protesters outside the court.", [("injured", 3)]),
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
    for found in figs:
        assert article[found.span.start:found.span.end] == found.span.text
        assert article[found.sentence.start:found.sentence.end] == found.sentence.text
    assert "9 people" in figs[0].span.text and "4 engineers" in figs[1].span.text


def test_attribution_is_carried(nlp):
    police = Attribution("police", "police")
    (found,) = figures_of(nlp, "Five soldiers died.", attribution=police)
    assert found.attribution == police


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
    figs = [fig("killed", 12, who="people", approx=True, text="dozens of people were killed"),
            fig("killed", 37, who="people", low=37, sentence=9)]
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


# ---------------------------------------------------------------- robustness to misparses

def article_figures(nlp, text):
    """Figures of a text split at blank lines, as the pipeline's windows are (a headline alone)."""
    figs, start = [], 0
    for part in text.split("\n\n"):
        for sent in nlp(part).sents:
            figs.extend(find_figures(sent, start, attribution=None))
        start += len(part) + 2
    return figs


def total_of(nlp, text, kind="killed"):
    figs = article_figures(nlp, text)
    return fatality_total(figs)[0] if kind == "killed" else kind_total(figs, kind)


def test_a_count_the_parser_hangs_on_the_reporting_verb_is_still_read(nlp):
    # The small model makes "civilians" the subject of "said": the count is nobody's object.
    text = ("Jets pounded the town of Maarat al-Numan south of Idlib on Sunday, killing at least eight "
            "civilians, including three children, the Syrian Observatory for Human Rights said.")
    figs = [f for f in figures_of(nlp, text) if f.kind == "killed"]
    assert [(f.count, f.low, f.who, f.side) for f in figs] == [(8, 8, "civilians", "civilians")]
    assert figs[0].span.text.startswith("killing at least eight civilians")


def test_surface_reading_needs_a_casualty_word_a_count_and_people(nlp):
    figs = figures_of(nlp, "Gunmen raided the market, killing 3 traders and wounding 7 others.")
    assert kinds(figs) == [("injured", 7), ("killed", 3)]
    assert total_of(nlp, "A car bomb claimed 9 civilians lives in the square.") == 9
    assert [f for f in figures_of(nlp, "The rebels took 5 soldiers to their camp.") if f.kind == "killed"] == []


def test_fatal_stabbings_and_shootings_are_deaths(nlp):
    assert kinds(figures_of(nlp, "A man fatally stabbed a guard outside the courthouse.")) == [("killed", 1)]
    text = "The gunman tried to climb the fence, fatally shooting a guard before he was arrested."
    assert [f.count for f in figures_of(nlp, text) if f.kind == "killed"] == [1]


def test_an_intransitive_death_shares_its_conjunct_subject(nlp):
    for text in ("A guard opened the gate, was shot twice and died in hospital.",
                 "A soldier stepped on a mine and died."):
        assert [(f.kind, f.count, f.side) for f in figures_of(nlp, text)] == [("killed", 1, "state")], text


def test_a_pronoun_victim_does_not_hide_the_rest_of_the_list(nlp):
    figs = figures_of(nlp, "The bomber blew himself up at the gate, killing himself and two guards.")
    assert [(f.kind, f.count, f.who) for f in figs] == [("killed", 2, "guards")]


def test_a_list_of_numbered_groups_counts_each_group(nlp):
    assert total_of(nlp, "At least 9 villagers, 3 soldiers, and 2 militants were killed in the fighting.") == 14
    # A numbered total followed by its breakdown still counts once ...
    assert total_of(nlp, "30 people, 10 soldiers and 20 civilians, were killed.") == 30
    # ... and a member with its own casualty word belongs to that other figure.
    assert total_of(nlp, "One soldier was killed, 2 others and a child injured in the shelling.") == 1


def test_a_part_of_a_group_counts_the_part(nlp):
    figs = figures_of(nlp, "Doctors said that 2 of 5 young children injured have died.")
    assert sorted((f.kind, f.count) for f in figs) == [("injured", 5), ("killed", 2)]


def test_a_range_split_by_the_parse_keeps_its_low_end(nlp):
    text = "Gunmen opened fire on the farm.\n\nBetween three and four other villagers were wounded in the attack."
    assert total_of(nlp, text, "injured") == 3


def test_a_charge_about_another_killing_is_no_death(nlp):
    text = "Crowds burned tyres after a court acquitted a soldier accused of killing a student."
    assert [f for f in figures_of(nlp, text) if f.kind == "killed"] == []


def test_a_subset_the_parse_hangs_on_the_verb_is_not_added(nlp):
    text = "Shelling hit the town overnight, wounding 12 residents, among them three women, medics said."
    assert total_of(nlp, text, "injured") == 12


# ---------------------------------------------------------------- totals: new people and bare defaults

def test_deaths_among_the_injured_and_more_deaths_add_to_the_toll(nlp):
    assert total_of(nlp, "Two people died and 5 others were hurt. One of the wounded died on Friday.") == 3
    assert total_of(nlp, "Six people were killed in the raid. Two more people died overnight.") == 8


def test_others_counted_against_another_kind_do_not_add(nlp):
    text = "20 wounded in market blast\n\nThe bomb killed 5 people and wounded 20 others."
    assert total_of(nlp, text, "injured") == 20
    assert total_of(nlp, "More than 20 people were killed.") == 20


def test_an_unnumbered_headline_never_undercuts_or_adds_to_a_count(nlp):
    text = "Air raids kill villagers in Idlib\n\nJets struck the village, killing at least five villagers."
    assert fatality_total(article_figures(nlp, text))[:2] == (5, 5)
    text = "Shelling kills civilians in Donetsk\n\nTwo soldiers were killed when shells hit the post."
    assert total_of(nlp, text) == 2


def test_total_drops_a_bare_default_once_any_number_is_stated():
    bare = Figure("killed", 3, None, None, Span(0, 14, "kill civilians"), Span(0, 30, "x"),
                  who="civilians", side="civilians", approximate=True)
    counted = Figure("killed", 2, None, None, Span(40, 52, "two children"), Span(40, 60, "y"),
                     who="children", side="civilians")
    vague = Figure("killed", 12, None, None, Span(40, 46, "dozens"), Span(40, 60, "y"), approximate=True)
    assert fatality_total([bare, counted])[0] == 2
    assert fatality_total([bare, vague])[0] == 12
    assert fatality_total([bare])[0] == 3


def test_total_adds_deaths_counted_among_another_kind():
    figs = [fig("killed", 3, who="people"), fig("injured", 3, who="others"),
            fig("killed", 1, who="injured", sentence=50)]
    assert fatality_total(figs)[0] == 4


def test_side_class_reads_the_side_back_once_tied_to_actors():
    assert side_class(fig("killed", 4, who="attackers", side="actor1")) == "perpetrators"
    assert side_class(fig("killed", 4, who="soldiers", side="actor2")) == "state"
    assert side_class(fig("killed", 4, who="people")) == "other"


# ---------------------------------------------------------------- injured phrasing and who is counted

@pytest.mark.parametrize(("text", "expected"), [
    # A count hung on a subjectless passive verb belongs to that verb, not to the first subject.
    ("At least 18 people were killed and over 70 injured, and both bombers were killed in the blast.",
     [("injured", 70), ("killed", 18)]),
    ("Nine people were killed and several dozen more wounded.", [("injured", 36), ("killed", 9)]),
    ("At least 40 people including women and children have been killed and above 90 injured in the attack.",
     [("injured", 90), ("killed", 40)]),
    # "left 20 wounded", the participle parsed as an adverbial clause.
    ("The attack left 20 wounded.", [("injured", 20)]),
    # A list in apposition closed by its own casualty word counts every member.
    ("One soldier was killed, 3 others and a child injured in the blast.",
     [("injured", 1), ("injured", 3), ("killed", 1)]),
    # A conjunct with its own verb is no part of the "including" list before it.
    ("At least 30 people were killed, including 9 children and over 100 other people were injured in the bombing.",
     [("injured", 100), ("killed", 30)]),
    # The parser makes "bomb" the subject of "wounded": the count just before the verb is its subject.
    ("A bomb killed at least 12 people including 5 women and 2 police officers and another 30 people were wounded.",
     [("injured", 30), ("killed", 12)]),
])
def test_injured_counts_the_parse_hangs_elsewhere(nlp, text, expected):
    assert kinds(figures_of(nlp, text)) == expected


def test_the_agent_of_a_shooting_is_no_victim(nlp):
    assert figures_of(nlp, "One of the gunmen shot at the crowd before he fled.") == []
    assert figures_of(nlp, "A man started shooting at shoppers in the mall.") == []
    # The passive still injures.
    assert kinds(figures_of(nlp, "Two shoppers were shot in the mall.")) == [("injured", 2)]


def test_a_name_in_apposition_is_the_same_person(nlp):
    figs = figures_of(nlp, "The gunman, 31 year old Omar Haddad, was shot dead by police.")
    assert kinds(figs) == [("killed", 1)] and figs[0].who == "gunman"


def test_wounded_then_dead_counts_as_dead_only(nlp):
    figs = figures_of(nlp, "A guard was stabbed and later died in hospital.")
    assert kinds(figs) == [("killed", 1)]


def test_a_breakdown_chained_as_conjuncts_is_not_added(nlp):
    text = "Two soldiers were killed and 12 others, 6 soldiers and 6 civilians, injured when a bomb exploded."
    assert kind_total(figures_of(nlp, text), "injured") == 12


def test_a_count_names_the_noun_it_modifies(nlp):
    # Parsed with "soldiers" as a modifier of "fighters": the 23 still counts soldiers, the state's side.
    (f,) = figures_of(nlp, "The offensive killed 23 Syrian soldiers and pro government tribal fighters.")
    assert (f.count, f.who, f.side) == (23, "soldiers", "state")


def test_casualty_cue_words_cover_inflected_forms_and_nothing_else():
    words = CasualtyTerms.load().cue_words()
    for word in ("died", "dying", "injured", "injuries", "bodies", "lives", "killed", "deaths"):
        assert word in words, word
    for word in ("diet", "council", "budget", "studied"):
        assert word not in words, word


@pytest.mark.parametrize(("text", "expected"), [
    ("A mortar round killed 4 soldiers and another was wounded.", [("injured", 1), ("killed", 4)]),
    ("Two policemen were killed and another was injured.", [("injured", 1), ("killed", 2)]),
])
def test_another_standing_alone_counts_one(nlp, text, expected):
    assert kinds(figures_of(nlp, text)) == expected


def test_another_before_a_number_or_noun_counts_nothing_itself(nlp):
    assert kind_total(figures_of(nlp, "Gunmen killed 20 people and another 29 were injured."), "injured") == 29
    assert kinds(figures_of(nlp, "Another soldier was killed.")) == [("killed", 1)]


def test_another_alone_in_a_later_sentence_adds_to_the_dead(nlp):
    figs = figures_of(nlp, "Four villagers were killed on Monday. Another died in hospital on Tuesday.")
    assert fatality_total(figs)[0] == 5


@pytest.mark.parametrize("text", [
    "A gunman opened fire on shoppers, killing and injuring six.",
    "Clashes erupted and about 15 were killed and injured in the old city.",
    "Gunmen killed and wounded dozens of worshippers.",
])
def test_a_count_shared_by_deaths_and_injuries_guarantees_one_death(nlp, text):
    killed = [f for f in figures_of(nlp, text) if f.kind == "killed"]
    assert [(f.count, f.low, f.approximate) for f in killed] == [(1, 1, True)]
    assert killed[0].high in (6, 12, 15)


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Three people were killed and four injured.", 3, 4),
    ("Gunmen killed 5 and injured 20.", 5, 20),
    ("Two soldiers were shot and killed.", 2, None),
])
def test_separate_counts_of_dead_and_injured_are_no_shared_count(nlp, text, killed, injured):
    figs = figures_of(nlp, text)
    assert (fatality_total(figs)[0], kind_total(figs, "injured")) == (killed, injured)


@pytest.mark.parametrize("text", [
    "Insurgents overran an army base and killed three soldiers.",
    "Boko Haram kills three soldiers, overrun Nigerian army base.",
])
def test_a_thing_named_after_a_side_is_no_victim(nlp, text):
    # "army base": the modifier hints at a side, but the noun itself names no people.
    assert fatality_total(figures_of(nlp, text))[0] == 3


def test_a_headline_capitalised_plural_keeps_its_side(nlp):
    (f,) = figures_of(nlp, "Forty-Six Insurgents Killed in Kandahar")
    assert (f.count, f.side) == (46, "perpetrators")


def test_a_bare_dozen_counts_twelve(nlp):
    assert fatality_total(figures_of(nlp, "Rebels kill dozen villagers in Beni."))[0] == 12


def test_a_sentence_without_casualty_words_still_reports_a_crowd(nlp):
    figs = figures_of(nlp, "About 2,000 protesters marched through the capital.")
    assert [(f.kind, f.count) for f in figs] == [("participants", 2000)]
    assert figures_of(nlp, "The minister arrived in the capital on Monday.") == []


def test_the_source_the_parse_hangs_off_the_victims_is_no_victim(nlp):
    text = "Rebels ambushed a convoy, killing at least six soldiers, villagers and a local official told Reuters."
    start = OFFSET + text.index("villagers")
    source = Attribution("villagers and a local official", "local",
                         Span(start, start + len("villagers and a local official"), "villagers and a local official"))
    assert kinds(figures_of(nlp, text, attribution=source)) == [("killed", 6)]


@pytest.mark.parametrize("text", [
    "Troops killed 30 militants on Monday in retaliation for an ambush that killed eight soldiers.",
    "An air strike killed 30 militants, days after a raid that killed eight soldiers.",
])
def test_the_toll_of_an_earlier_incident_the_sentence_cites_is_not_counted(nlp, text):
    assert kinds(figures_of(nlp, text)) == [("killed", 30)]


def test_what_a_crowd_protests_against_is_no_toll(nlp):
    text = "Hundreds of students marched in Bogota to protest against the killings of 12 social leaders."
    assert [f for f in figures_of(nlp, text) if f.kind == "killed"] == []
    assert kinds(figures_of(nlp, "Police killed 12 protesters in Bogota.")) == [("killed", 12)]


@pytest.mark.parametrize("text", [
    "Critics say the deployments did little to stop violence, which has killed thousands in recent years.",
    "The insurgency has killed 300 soldiers since 2015, the army said.",
])
def test_a_running_total_over_years_is_no_toll(nlp, text):
    assert [f for f in figures_of(nlp, text) if f.kind == "killed"] == []


def test_a_toll_with_a_day_is_still_counted(nlp):
    assert kinds(figures_of(nlp, "The attack has killed 12 soldiers since Monday, the army said.")) == [("killed", 12)]
