"""Event typing: ACLED codebook principles (one incident, one type), on invented sentences."""

from __future__ import annotations

import pytest

from faultline.extract.typing import EventTyper
from tests.extract.test_typing import incident


def sub_event(nlp, typer: EventTyper, text: str) -> str | None:
    best = incident(nlp, typer, text)
    return best.sub_event_type if best is not None else None


@pytest.mark.parametrize(("text", "expected"), [
    # A chemical agent names the weapon whatever delivers it, and a container passes it on.
    ("Rebels fired shells containing poison gas into the town on Monday.", "Chemical weapon"),
    ("A helicopter dropped barrel bombs loaded with chlorine gas on the village.", "Chemical weapon"),
    # ... but a chemical-weapons site that was struck is the strike's target, not its weapon.
    ("Warplanes launched air strikes on what officials said were chemical weapons facilities.",
     "Air/drone strike"),
    # ACLED: missiles fired from aircraft make an air strike.
    ("Israeli jets fired missiles at targets near Damascus overnight.", "Air/drone strike"),
    # Weapons destroyed by a strike are part of the strike; weapons made safe are disrupted.
    ("Warplanes bombed an army base on Sunday, destroying several weapons depots.",
     "Air/drone strike"),
    ("Soldiers destroyed 40 landmines and two roadside bombs during the operation.",
     "Disrupted weapons use"),
    ("Police found two bags containing explosives at the bus station.", "Disrupted weapons use"),
])
def test_weapons(nlp, typer: EventTyper, text: str, expected: str):
    assert sub_event(nlp, typer, text) == expected


def test_an_aircraft_is_a_strike_only_when_it_strikes(nlp, typer: EventTyper):
    scrambled = "Fighter jets were scrambled after two foreign aircraft entered the airspace."
    assert sub_event(nlp, typer, scrambled) != "Air/drone strike"
    assert sub_event(nlp, typer, "Fighter jets struck rebel positions near the town.") == (
        "Air/drone strike")


@pytest.mark.parametrize("text", [
    "Twelve people were killed in a plane crash in the mountains on Sunday.",
    "New sanctions aim to halt the country's nuclear and missile programmes.",
    "Authorities evacuated residents from the district after the chemical spill.",
])
def test_out_of_scope(nlp, typer: EventTyper, text: str):
    assert incident(nlp, typer, text) is None


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED: road-blocking by demonstrators is destructive activity, a violent demonstration.
    ("Thousands of protesters blocked the main highway into the capital on Monday.",
     "Violent demonstration"),
    ("Farmers blocked roads and railways across the country to protest the new law.",
     "Violent demonstration"),
    # Arrests during a demonstration intervene in it; arrests before one are arrests.
    ("Police arrested 30 protesters during the rally in the capital.", "Protest with intervention"),
    ("Police detained five opposition activists on Friday before the president's rally.",
     "Arrests"),
])
def test_demonstrations_and_arrests(nlp, typer: EventTyper, text: str, expected: str):
    assert sub_event(nlp, typer, text) == expected


def test_police_closing_a_road_is_no_riot(nlp, typer: EventTyper):
    text = "Police blocked the road to stop the march from reaching parliament."
    assert sub_event(nlp, typer, text) not in ("Violent demonstration", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Government troops drove the rebels out of three villages on Sunday.",
     "Government regains territory"),
    ("The insurgents pushed the soldiers out of the town after a week of fighting.",
     "Non-state actor overtakes territory"),
])
def test_fighters_driven_out_lose_the_area(nlp, typer: EventTyper, text: str, expected: str):
    assert sub_event(nlp, typer, text) == expected


def test_a_shot_not_fired_is_no_clash(nlp, typer: EventTyper):
    text = "The soldiers left the base without firing a shot, residents said."
    assert "Armed clash" not in {t.sub_event_type for s in nlp(text).sents for t in typer.triggers(s, 0)}


@pytest.mark.parametrize(("text", "expected"), [
    # An epidemic explains deaths, not lootings or protests that happen during it.
    ("Gunmen looted shops in the market during the coronavirus lockdown.",
     "Looting/property destruction"),
    ("Hundreds of people marched in the capital against the covid lockdown.", "Peaceful protest"),
    ("The coronavirus outbreak has killed 40 people in the province.", None),
])
def test_an_epidemic_is_background(nlp, typer: EventTyper, text: str, expected: str | None):
    assert sub_event(nlp, typer, text) == expected


def test_talks_between_governments_are_agreement_events(nlp, typer: EventTyper):
    text = "The president held talks with his counterpart on ending the border conflict."
    assert sub_event(nlp, typer, text) == "Agreement"


@pytest.mark.parametrize(("text", "expected"), [
    # An active "wounded" with an object: its subject wounds; the ones hit decide the type.
    ("Gunmen wounded two customers in Kano.", "Attack"),
    ("Gunmen killed a shopkeeper and wounded two customers in Kano on Saturday.", "Attack"),
    ("Rebels wounded two soldiers in an ambush near the bridge.", "Armed clash"),
    # A passive one's subject is the one hit.
    ("Two villagers were wounded when gunmen opened fire on a bus.", "Attack"),
    # People known only by their nationality are civilians; troops who kill are no deployment.
    ("Israeli troops shot dead two Palestinians near Jenin on Monday.", "Attack"),
    ("Troops shot dead two Kurds in Cizre.", "Attack"),
    ("Iranian border guards shot dead three Afghans trying to cross the river.", "Attack"),
])
def test_who_is_hit_decides_the_type(nlp, typer: EventTyper, text: str, expected: str):
    assert sub_event(nlp, typer, text) == expected


def test_the_wounded_taken_to_hospital_are_not_captured(nlp, typer: EventTyper):
    carried = "Four policemen were taken to hospital after the ambush by militants on the highway."
    assert sub_event(nlp, typer, carried) != "Arrests"
    assert sub_event(nlp, typer, "Soldiers took four militants to a detention centre after the raid.") == "Arrests"
