"""Modality of the statement a trigger sits in (faultline.extract.modality)."""

from __future__ import annotations

import datetime as dt

import pytest

from faultline.errors import DataFileError
from faultline.extract.modality import ModalityCues, sentence_modality
from faultline.model import MODALITIES

PUBLISHED = dt.date(2021, 5, 14)
OFFSET = 300


def modality(nlp, text, trigger, *, event_date=None, published=PUBLISHED):
    sent = next(iter(nlp(text).sents))
    start = OFFSET + text.index(trigger) if trigger else None
    return sentence_modality(sent, trigger_start=start, offset=OFFSET, published=published, event_date=event_date)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Gunmen killed five soldiers on Tuesday.", "killed", "reported"),
    ("Officials said militants attacked the checkpoint overnight.", "attacked", "reported"),
    ("No group has claimed the attack.", "attack", "reported"),
    ("Witnesses said the gunmen had fled by the time police arrived.", "fled", "reported"),
    ("It was the deadliest attack since 2015.", "attack", "reported"),
    ("Police said the man, who had been arrested in 2017, killed five people.", "killed", "reported"),
    ("No one was killed in the attack.", "killed", "negated"),
    ("The militants did not attack the village.", "attack", "negated"),
    ("The army denied that its troops killed civilians.", "killed", "negated"),
    ("There was no attack on the convoy.", "attack", "negated"),
    ("Militants could attack the capital before winter.", "attack", "forecast"),
    ("The group threatened to kill more hostages.", "kill", "forecast"),
    ("Officials warned that the rebels would attack the town.", "attack", "forecast"),
    ("Rebels are expected to storm the city.", "storm", "forecast"),
    ("Officials fear a planned attack on the capital.", "attack", "forecast"),
    ("If the talks fail, rebels will attack the city.", "attack", "hypothetical"),
    ("The bomb would have killed hundreds had it exploded.", "killed", "hypothetical"),
    ("I believe the attack was a crime against humanity.", "attack", "opinion"),
    ("The attackers must be punished.", "attackers", "opinion"),
    ("His brother was killed in 2017.", "killed", "background"),
    ("The group had previously attacked the town.", "attacked", "background"),
    ("The town was shelled years ago.", "shelled", "background"),
    ("The opposition party called a nationwide general strike for Monday.", "strike", "forecast"),
    ("The insurgency has killed more than 30,000 people and displaced millions.", "killed", "background"),
    ("The civil war has killed hundreds of thousands of people.", "killed", "background"),
    ("The fighting killed seven militants and two soldiers.", "killed", "reported"),
    ("Aid agencies warned that more attacks could follow after gunmen stormed the village.", "stormed",
     "reported"),
])
def test_each_modality(nlp, text, trigger, expected):
    assert modality(nlp, text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("More than 60 rebel fighters have been killed since the fighting began last month.", "killed", "background"),
    ("More than 60 rebel fighters have been killed since the fighting began last month.", "fighting", "background"),
    ("Since the war broke out in April, some 9,000 people have been killed.", "war", "background"),
    ("At least 200 people have died since March in clashes between the two clans.", "died", "background"),
    ("Militants have killed 35 soldiers since the start of the year, the army said.", "killed", "background"),
    ("Six people have been killed since Sunday in clashes in the port city.", "killed", "reported"),
    ("Nine people have been killed in clashes in the port city since dawn.", "killed", "reported"),
    ("Six people had been killed since the clashes began, a medic told reporters on Tuesday.", "killed", "reported"),
])
def test_a_toll_in_the_perfect_since_a_start_sums_up_a_war(nlp, text, trigger, expected):
    # A present-perfect toll from the start of a war up to now sums up incidents none of which it
    # tells; one from a day this week ("since Sunday") is news, and a past perfect tells its story.
    assert modality(nlp, text, trigger) == expected


def test_phrasal_verbs_are_not_their_governor(nlp):
    # "set off" a bomb is no "set to" attack; "called off" cancels, it does not call for one.
    assert modality(nlp, "Two car bombs were set off near the army base.", "bombs") == "reported"
    assert modality(nlp, "Insurgents set off a bomb at the checkpoint.", "bomb") == "reported"
    assert modality(nlp, "Rebels are set to attack the town.", "attack") == "forecast"
    assert modality(nlp, "The rebels called off the attack.", "attack") == "negated"
    assert modality(nlp, "The army cancelled the offensive.", "offensive") == "negated"


def test_cues_must_govern_the_trigger(nlp):
    text = "Rebels, who may return, killed 4 soldiers."
    assert modality(nlp, text, "killed") == "reported"
    assert modality(nlp, text, "return") == "forecast"


def test_dates_decide_background_and_forecast(nlp):
    text = "Gunmen killed five soldiers."
    assert modality(nlp, text, "killed", event_date=dt.date(2021, 1, 2)) == "background"
    assert modality(nlp, text, "killed", event_date=dt.date(2021, 5, 10)) == "reported"
    assert modality(nlp, text, "killed", event_date=dt.date(2021, 6, 1)) == "forecast"


def test_without_trigger_the_root_decides(nlp):
    assert modality(nlp, "No one was killed.", None) == "negated"
    assert modality(nlp, "Troops shelled the town.", None) in MODALITIES


def test_bad_cue_file_is_a_typed_error(tmp_path):
    bad = tmp_path / "modality.toml"
    bad.write_text("[negated]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        ModalityCues.load(bad)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Rebel fighters have set up three new checkpoints on the highway.", "checkpoints"),
    ("Investigators have determined that the army carried out the air strike.", "strike"),
    ("The monitor published a report about dozens of rockets fired at the airport.", "fired"),
    ("A farmer lost a leg due to the explosion of a mine in his field.", "explosion"),
])
def test_infinitive_governors_need_to_and_a_verb(nlp, text, trigger):
    # "set", "determine", "about" and "due" look ahead only as "set to attack", "due to attack".
    assert modality(nlp, text, trigger) == "reported"


def test_infinitive_governors_still_forecast_before_to_and_a_verb(nlp):
    assert modality(nlp, "The insurgents are about to storm the prison.", "storm") == "forecast"
    assert modality(nlp, "Troops are due to attack the rebel camp.", "attack") == "forecast"


def test_calling_for_something_else_forecasts_nothing(nlp):
    text = "Police beat students calling for the release of their teachers."
    assert modality(nlp, text, "beat") == "reported"
    assert modality(nlp, "The opposition called for a general strike.", "strike") == "forecast"


def test_the_past_as_a_span_up_to_now_is_not_history(nlp):
    assert modality(nlp, "Troops shelled the villages in the past three days.", "shelled") == "reported"
    assert modality(nlp, "Troops shelled the villages in the past.", "shelled") == "background"


def test_a_nested_relative_clause_does_not_date_the_main_verb(nlp):
    text = "The army recaptured the hill, which militants had taken four months ago."
    assert modality(nlp, text, "recaptured") == "reported"
    assert modality(nlp, "The army recaptured the hill four months ago.", "recaptured") == "background"


def test_a_bare_adverb_of_certainty_is_no_opinion(nlp):
    text = "The video plainly shows soldiers clearly beating a detained man."
    assert modality(nlp, text, "beating") == "reported"
    assert modality(nlp, "In my view, the shelling was a war crime.", "shelling") == "opinion"


def test_a_year_without_publication_date_is_not_history(nlp):
    text = "Gunmen killed four guards at the mine in 2018."
    assert modality(nlp, text, "killed", published=None) == "reported"
    assert modality(nlp, text, "killed") == "background"  # published 2021
    assert modality(nlp, "Gunmen killed four guards years ago.", "killed", published=None) == "background"


def test_a_trend_of_uncounted_events_is_background(nlp):
    trend = "The rebels have stepped up attacks on supply convoys in the north."
    assert modality(nlp, trend, "attacks") == "background"
    assert modality(nlp, "The army has intensified air strikes on rebel positions.", "air strikes") == "background"
    # A day of its own, or a count, makes it an incident.
    assert modality(nlp, trend.replace("have stepped", "stepped").replace(" in the north", " on Monday"), "attacks",
                    event_date=dt.date(2021, 5, 10)) == "reported"
    assert modality(nlp, "The rebels stepped up two attacks on supply convoys.", "attacks") == "reported"
    assert modality(nlp, "Militants carried out attacks on three villages.", "attacks") == "reported"


def test_uncounted_events_that_spread_or_surge_are_a_trend(nlp):
    assert modality(nlp, "Attacks by jihadists have spread south towards the coast.", "Attacks") == "background"
    assert modality(nlp, "In the northwest, kidnappings have surged since May.", "kidnappings") == "background"
    assert modality(nlp, "Attacks by jihadists killed 12 people near the coast.", "Attacks") == "reported"


def test_an_event_noun_marked_as_earlier_is_history(nlp):
    assert modality(nlp, "Previous ceasefires have collapsed within days.", "ceasefires") == "background"
    assert modality(nlp, "The ceasefire collapsed within days.", "ceasefire") == "reported"


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The group has killed thousands of villagers over the past decade.", "killed", "background"),
    ("Such attacks have become more common in recent years.", "attacks", "background"),
    ("Earlier this year, separatists carried out a string of attacks on highways.", "attacks", "background"),
    ("At least 60 police officers had been killed in the province so far this year.", "killed", "background"),
    ("Shelling killed five people over the past two days.", "killed", "reported"),
    ("At least 30 people have been killed in the last 24 hours.", "killed", "reported"),
])
def test_a_span_of_years_up_to_now_is_history_but_one_of_days_is_news(nlp, text, trigger, expected):
    assert modality(nlp, text, trigger) == expected


def test_what_a_participle_says_followed_is_as_old_as_its_clause(nlp):
    text = "Riots have broken out repeatedly in the city in recent years, sometimes leaving people dead."
    assert modality(nlp, text, "dead") == "background"
    text = "Rebels shelled the city on Tuesday, leaving three people dead."
    assert modality(nlp, text, "dead") == "reported"
