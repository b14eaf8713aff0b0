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
