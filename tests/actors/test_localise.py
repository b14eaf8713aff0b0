"""localise, interaction and sub_unit."""

from __future__ import annotations

import tomllib
from importlib import resources

from hypothesis import given
from hypothesis import strategies as st

from faultline.actors import ActorDictionary, interaction
from tests.actors.conftest import by_text


def test_localise_fills_the_event_country(find, actors: ActorDictionary) -> None:
    found = find("Gunmen shot villagers while protesters watched and border guards fled.")
    named = {a.text: actors.localise(a, "TJ") for a in found}
    assert named["Gunmen"].name == "Unidentified Armed Group (Tajikistan)"
    assert named["villagers"].name == "Civilians (Tajikistan)"
    assert named["protesters"].name == "Protesters (Tajikistan)"
    assert named["border guards"].name == "Military Forces of Tajikistan (1994-)"
    assert {a.country for a in named.values()} == {"TJ"}
    assert named["border guards"].kind == "border guards" and named["border guards"].span == by_text(
        found, "border guards").span


def test_localise_names_islamic_state_by_country(find, actors: ActorDictionary) -> None:
    actor = by_text(find("Daesh claimed the attack."), "Daesh")
    assert actors.localise(actor, "SY").name == "Islamic State (Syria)"
    khorasan = by_text(find("ISKP claimed the attack."), "ISKP")
    assert actors.localise(khorasan, "PK").name == "Islamic State (Pakistan)"


def test_localise_names_islamic_state_by_the_branch_a_country_has(find, actors: ActorDictionary) -> None:
    actor = by_text(find("Daesh claimed the attack."), "Daesh")
    assert actors.localise(actor, "NG").name == "Islamic State West Africa Province"
    assert actors.localise(actor, "BF").name == "Islamic State Sahel Province"
    assert actors.localise(actor, "NE").name == "Islamic State (Niger)"  # both provinces fight there


def test_localise_keeps_a_known_country(find, actors: ActorDictionary) -> None:
    actor = by_text(find("Kyrgyz police detained him."), "Kyrgyz police")
    assert actors.localise(actor, "TJ") == actor
    refugees = by_text(find("Afghan refugees were beaten."), "Afghan refugees")
    assert actors.localise(refugees, "IR").name == "Civilians (Afghanistan)"


def test_localise_keeps_named_groups(find, actors: ActorDictionary) -> None:
    actor = by_text(find("The Free Mountain Brigade looted the depot."), "Free Mountain Brigade")
    assert actors.localise(actor, "SY") == actor
    shabaab = by_text(find("Al-Shabaab attacked the base."), "Al-Shabaab")
    assert actors.localise(shabaab, "KE").name == "Al Shabaab"


def test_localise_keeps_the_ethnic_group(find, actors: ActorDictionary) -> None:
    actor = by_text(find("Fulani militia attacked farmers in Benue."), "Fulani militia")
    assert actors.localise(actor, "NG").name == "Fulani Ethnic Militia (Nigeria)"


def test_interaction_codes() -> None:
    assert interaction(1, 3) == interaction(3, 1) == 13
    assert interaction(2, None) == 20
    assert interaction(7, 7) == 77
    assert interaction(None, None) is None
    assert ActorDictionary.interaction(6, 1) == 16


@given(st.integers(1, 8), st.one_of(st.none(), st.integers(1, 8)))
def test_interaction_puts_the_lower_code_first(a: int, b: int | None) -> None:
    code = interaction(a, b)
    tens, units = divmod(code, 10)
    assert code == interaction(b, a)
    assert tens == min(a, b or a) and (units == 0 if b is None else units == max(a, b))


def test_sub_units(find, actors: ActorDictionary) -> None:
    found = find("Tajik border guards, Kyrgyz police and the IRGC were on alert.")
    assert actors.sub_unit(by_text(found, "Tajik border guards")) == "Border Guards"
    assert actors.sub_unit(by_text(found, "Kyrgyz police")) is None
    assert actors.sub_unit(by_text(found, "IRGC")) == "Islamic Revolutionary Guard Corps"


def test_version_is_exposed(actors: ActorDictionary) -> None:
    data = tomllib.loads(resources.files("faultline.data").joinpath("actors.toml").read_text(encoding="utf-8"))
    assert actors.version == data["version"] and actors.version
