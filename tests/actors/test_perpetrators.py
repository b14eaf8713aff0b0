"""Who is actor1 when the report names no perpetrator, names only victims, sources or blamed groups."""

from __future__ import annotations

import pytest

from faultline.actors import ActorDictionary, Sides

IED = "Remote explosive/landmine/IED"
AIR = "Air/drone strike"


@pytest.fixture(scope="module")
def sides(nlp, actors: ActorDictionary):
    """The sides of the event at the first occurrence of `trigger` in a one-sentence text."""

    def read(text: str, trigger: str, sub_event_type: str) -> Sides:
        sent = next(iter(nlp(text).sents))
        start = text.index(trigger)
        return actors.assign_sides(sent, 0, trigger=(start, start + len(trigger)),
                                   actors=actors.find_actors(sent, 0), sub_event_type=sub_event_type)

    return read


def _names(result: Sides) -> tuple[str | None, str | None]:
    return (result.actor1.name if result.actor1 else None, result.actor2.name if result.actor2 else None)


# --- 1. an unnamed perpetrator, and victims who are never actor1 ---------------------------------

def test_unnamed_bomber_is_an_unidentified_armed_group(sides, actors: ActorDictionary) -> None:
    result = sides("A landmine blew up beneath a police truck outside Gao on Monday, killing two Malian "
                   "gendarmes and injuring a driver.", "landmine", IED)
    assert _names(result) == ("Unidentified Armed Group (country unknown)", "Police Forces of Mali (2021-)")
    assert (result.actor1.inter, result.actor1.text) == (3, "landmine")  # the trigger is its evidence
    # named after the event's country once the place is resolved
    assert actors.localise(result.actor1, "ML").name == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize(("text", "trigger", "sub_event_type"), [
    ("Four soldiers were killed when an explosive device detonated beside their patrol.", "explosive device", IED),
    ("A mortar round landed on the barracks, wounding six soldiers.", "mortar", "Shelling/artillery/missile attack"),
    ("Seven traders were shot dead in an attack on the market at dawn.", "attack", "Attack"),
])
def test_victims_are_actor2_never_actor1(sides, text: str, trigger: str, sub_event_type: str) -> None:
    result = sides(text, trigger, sub_event_type)
    assert result.actor1.name == "Unidentified Armed Group (country unknown)"
    assert result.actor2 is not None and result.actor2.inter in (1, 7)


def test_victims_who_act_stay_actor1(sides) -> None:
    # the killers are the grammatical agents: a killing verb's subject is never read as its victim
    result = sides("Soldiers killed four gunmen who had planted a bomb on the road.", "killed", "Armed clash")
    assert result.actor1.name == "Military Forces (country unknown)"
    assert result.actor2.name == "Unidentified Armed Group (country unknown)"


def test_a_battle_gets_no_invented_perpetrator(sides) -> None:
    # only Explosions/Remote violence and Violence against civilians always have a perpetrator
    result = sides("Two soldiers were killed in fighting near the river.", "fighting", "Armed clash")
    assert result.actor1 is None or not result.actor1.name.startswith("Unidentified")


# --- blamed is not claimed ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Officials blamed Al Shabaab for the bombing.",
    "The governor blamed the bombing on Al Shabaab.",
    "The bombing bore the hallmarks of Al Shabaab, analysts said.",
    "Al Shabaab was accused of the bombing by local elders.",
])
def test_a_blamed_group_stays_off_both_sides(sides, text: str) -> None:
    result = sides(text, "bombing", IED)
    named = {a.name for a in (result.actor1, result.actor2, *result.assoc_1, *result.assoc_2) if a}
    assert "Al Shabaab" not in named
    assert result.actor1.name == "Unidentified Armed Group (country unknown)"


def test_a_claiming_group_is_actor1(sides) -> None:
    result = sides("Al Shabaab claimed responsibility for the bombing.", "bombing", IED)
    assert result.actor1.name == "Al Shabaab"


# --- 2. air and drone strikes -------------------------------------------------------------------

def test_unnamed_aircraft_are_unidentified_military_forces(sides, actors: ActorDictionary) -> None:
    result = sides("Fighter jets bombed a fuel depot east of Raqqa overnight, killing nine civilians.", "bombed", AIR)
    assert _names(result) == ("Unidentified Military Forces", "Civilians (country unknown)")
    assert result.actor1.inter == 1
    # the event's country says nothing about whose jets struck: never localised
    assert actors.localise(result.actor1, "SY").name == "Unidentified Military Forces"
    assert actors.localise(result.actor2, "SY").name == "Civilians (Syria)"


def test_civilians_after_a_harm_verb_are_victims_even_when_misparsed(sides) -> None:
    # the small model hangs the killed civilians off the reporting verb here
    result = sides("Helicopters struck the hamlet of Deir Saman west of Hama yesterday, killing at least "
                   "eight civilians, including three women, a monitoring group said.", "struck", AIR)
    assert _names(result) == ("Unidentified Military Forces", "Civilians (country unknown)")


def test_an_air_strike_with_only_victims_named(sides) -> None:
    result = sides("An air raid killed five villagers near the dam.", "air raid", AIR)
    assert _names(result) == ("Unidentified Military Forces", "Civilians (country unknown)")


@pytest.mark.parametrize(("text", "written", "name"), [
    ("Iranian drones hit the tanker.", "Iranian drones", "Military Forces of Iran (1979-)"),
    ("Helicopters of the Malian army fired on the convoy.", "Helicopters of the Malian",
     "Military Forces of Mali (2021-)"),
    ("Drones hit a fuel depot overnight.", "Drones", "Unidentified Military Forces"),
    ("Jets circled the town.", "Jets", "Unidentified Military Forces"),
])
def test_aircraft_nouns_imply_a_military_actor(find, text: str, written: str, name: str) -> None:
    actor = next(a for a in find(text) if a.text == written)
    assert (actor.name, actor.inter) == (name, 1)


def test_aircraft_take_the_country_of_their_sentences_state_forces(find) -> None:
    found = find("Malian soldiers backed by helicopters attacked the camp.")
    assert {a.text: a.name for a in found}["helicopters"] == "Military Forces of Mali (2021-)"


# --- 3. reporters take no side ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "sub_event_type"), [
    ("Gunmen stormed a clinic, a spokesman for the police said.", "stormed", "Attack"),
    ("A car bomb exploded outside a hotel, the army said.", "car bomb", "Suicide bomb"),
    ("Gunmen ambushed a bus, according to the border service of Kyrgyzstan.", "ambushed", "Attack"),
    ("A grenade was thrown into a bar, the interior ministry's police department said.", "grenade", "Grenade"),
    ("Attackers shelled a village overnight, the border service of Tajikistan said.", "shelled",
     "Shelling/artillery/missile attack"),
])
def test_sources_are_on_neither_side(sides, text: str, trigger: str, sub_event_type: str) -> None:
    result = sides(text, trigger, sub_event_type)
    on_sides = [a for a in (result.actor1, result.actor2, *result.assoc_1, *result.assoc_2) if a]
    assert on_sides and all(a.inter != 1 for a in on_sides), [a.name for a in on_sides]


# --- 4. country evidence in the sentence, and none invented -------------------------------------

def test_country_after_from_names_state_forces(find) -> None:
    actor = next(a for a in find("Soldiers from Chad repelled the raid.") if a.kind == "military")
    assert (actor.name, actor.country) == ("Military Forces of Chad (2021-)", "TD")


def test_a_place_name_is_no_country_evidence(find) -> None:
    # with the place unresolved the pipeline never localises: the actors stay "(country unknown)"
    names = {a.text: a.name for a in find("Gunmen killed five villagers near Maiduguri.")}
    assert names == {"Gunmen": "Unidentified Armed Group (country unknown)",
                     "villagers": "Civilians (country unknown)"}


def test_a_demonym_names_the_victims(find) -> None:
    names = {a.text: a.name for a in find("Gunmen killed five Malian villagers.")}
    assert names["Malian villagers"] == "Civilians (Mali)"


# --- 5. regime years (ACLED actor names) --------------------------------------------------------

@pytest.mark.parametrize(("iso2", "name"), [
    ("AF", "Military Forces of Afghanistan (2021-)"),
    ("PK", "Military Forces of Pakistan (2022-)"),
    ("SY", "Military Forces of Syria (2024-)"),
    ("IQ", "Military Forces of Iraq (2022-)"),
    ("YE", "Military Forces of Yemen (2022-)"),
    ("SO", "Military Forces of Somalia (2022-)"),
    ("NG", "Military Forces of Nigeria (2023-)"),
    ("ML", "Military Forces of Mali (2021-)"),
    ("BF", "Military Forces of Burkina Faso (2022-)"),
    ("NE", "Military Forces of Niger (2023-)"),
    ("SD", "Military Forces of Sudan (2019-)"),
    ("CD", "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("ET", "Military Forces of Ethiopia (2021-)"),
    ("MM", "Military Forces of Myanmar (2021-)"),
    ("UA", "Military Forces of Ukraine (2019-)"),
    ("RU", "Military Forces of Russia (2000-)"),
    ("IL", "Military Forces of Israel (2022-)"),
    ("TJ", "Military Forces of Tajikistan (1994-)"),
    ("KG", "Military Forces of Kyrgyzstan (2021-)"),
])
def test_regime_years(find, actors: ActorDictionary, iso2: str, name: str) -> None:
    soldiers = next(a for a in find("Soldiers opened fire.") if a.kind == "military")
    assert actors.localise(soldiers, iso2).name == name
