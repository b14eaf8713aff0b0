"""Where an event happened versus where its actors came from."""

import pytest

from faultline.extract.places import classify_toponyms, load_place_role_cues
from faultline.model import Toponym


def roles(nlp, text, names, offset=0):
    doc = nlp(text)
    toponyms = []
    for name in names:
        start = text.index(name)
        toponyms.append(Toponym(text=name, start=offset + start, end=offset + start + len(name)))
    sent = doc[:]
    found = classify_toponyms(sent, offset, toponyms, load_place_role_cues())
    return {t.text: t.role for t in found}


def test_origin_of_attackers_is_not_the_event_place(nlp):
    text = "Militants who came from Kunduz attacked a checkpoint in Darvaz on Monday."
    assert roles(nlp, text, ["Kunduz", "Darvaz"]) == {"Kunduz": "origin", "Darvaz": "event"}


def test_based_and_institutional_mentions(nlp):
    text = "A Peshawar-based group attacked a police station near Mardan, Pakistan's interior ministry said."
    found = roles(nlp, text, ["Peshawar", "Mardan", "Pakistan"])
    assert found["Peshawar"] == "origin"
    assert found["Mardan"] == "event"
    assert found["Pakistan"] == "other"


def test_offsets_are_absolute_and_outside_toponyms_are_ignored(nlp):
    text = "Gunmen stormed a village in Borno overnight."
    start = text.index("Borno")
    doc = nlp(text)
    inside = Toponym(text="Borno", start=500 + start, end=500 + start + 5)
    outside = Toponym(text="Lagos", start=10, end=15)
    found = classify_toponyms(doc[:], 500, [inside, outside], load_place_role_cues())
    assert [(t.text, t.role) for t in found] == [("Borno", "event")]


@pytest.mark.parametrize("text,name", [
    ("Fighters from Badakhshan province crossed the river at night.", "Badakhshan"),
    ("Insurgents arriving from Syria were stopped at the border.", "Syria"),
])
def test_from_phrases_mark_origins(nlp, text, name):
    assert roles(nlp, text, [name])[name] == "origin"


@pytest.mark.parametrize("text,name", [
    ("Drones of the US-led coalition struck a depot near Raqqa.", "US"),
    ("Iran-backed militias shelled a base near Erbil on Sunday.", "Iran"),
])
def test_a_place_qualifying_an_actor_is_its_origin(nlp, text, name):
    assert roles(nlp, text, [name])[name] == "origin"


@pytest.mark.parametrize("text,name,role", [
    ("Polish air defences downed 12 of the 20 drones launched by Belarus over Lublin.", "Belarus", "origin"),
    ("Two villages near Tiraspol were shelled by Romania on Tuesday.", "Romania", "origin"),
    ("Three parcels were seized by the Kenya Wildlife Service on Friday.", "Kenya", "event"),
])
def test_a_place_that_is_the_passive_agent_stands_for_who_acted(nlp, text, name, role):
    assert roles(nlp, text, [name])[name] == role


def test_a_place_in_a_locative_phrase_is_read_before_places_named_otherwise(nlp):
    text = "Rebels handed the Homs suburb of Waer to the army, and gunmen killed two men in Talbiseh."
    doc = nlp(text)
    toponyms = [Toponym(text=name, start=text.index(name), end=text.index(name) + len(name))
                for name in ("Homs", "Waer", "Talbiseh")]
    found = classify_toponyms(doc[:], 0, toponyms, load_place_role_cues())
    assert [t.text for t in found] == ["Waer", "Talbiseh", "Homs"]
    assert all(t.role == "event" for t in found)


def test_a_country_naming_a_department_is_an_institution(nlp):
    text = "The United States State Department told citizens to leave the airport in Kabul."
    found = roles(nlp, text, ["United States", "Kabul"])
    assert found == {"United States": "other", "Kabul": "event"}



def test_where_the_wounded_were_carried_is_not_where_they_were_hit(nlp):
    text = "Gunmen ambushed a convoy near Mardan; the wounded were airlifted to Peshawar for treatment."
    assert roles(nlp, text, ["Mardan", "Peshawar"]) == {"Mardan": "event", "Peshawar": "other"}
    text = "Thousands of protesters marched to Peshawar on Monday."
    assert roles(nlp, text, ["Peshawar"]) == {"Peshawar": "event"}


def test_a_place_in_an_organisations_name_is_not_where_it_happened(nlp):
    text = "Police arrested 40 protesters in Eldoret on Monday, according to the Law Society of Kenya."
    assert roles(nlp, text, ["Eldoret", "Kenya"]) == {"Eldoret": "event", "Kenya": "other"}


def test_a_state_written_after_a_locative_preposition_is_the_unit(nlp):
    text = "Gunmen abducted 30 worshippers in Kogi state on Sunday, the Kogi state government said."
    found = roles(nlp, text, ["Kogi"])
    assert found == {"Kogi": "event"}
    assert roles(nlp, "The Kogi state government said gunmen abducted 30 worshippers.", ["Kogi"]) == {"Kogi": "other"}


def test_a_place_a_distance_runs_from_is_where_it_happened_only_when_no_other_place_is_named(nlp):
    text = "Drones attacked the town of Chuhuiv, about 40 km south-east of Kharkiv, on Tuesday."
    assert roles(nlp, text, ["Chuhuiv", "Kharkiv"]) == {"Chuhuiv": "event", "Kharkiv": "near"}
    text = "Gunmen ambushed a patrol about 40 km south-east of Kharkiv on Tuesday."
    assert roles(nlp, text, ["Kharkiv"]) == {"Kharkiv": "event"}
