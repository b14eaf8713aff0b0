"""Actors named for the event's day: regime periods, the Taliban before and after August 2021."""

from __future__ import annotations

import datetime as dt

import pytest

from faultline.actors import ActorDictionary
from tests.actors.conftest import by_text

BEFORE_KABUL_FELL = dt.date(2019, 6, 10)
AFTER_KABUL_FELL = dt.date(2023, 6, 10)


@pytest.fixture
def found_on(actors: ActorDictionary, sentence):
    return lambda text, day: actors.find_actors(sentence(text), 0, on=day)


def test_the_taliban_are_rebels_before_they_took_kabul_and_state_forces_after(found_on) -> None:
    text = "Taliban fighters ambushed Afghan soldiers near Ghazni."
    before = found_on(text, BEFORE_KABUL_FELL)
    taliban, soldiers = by_text(before, "Taliban fighters"), by_text(before, "Afghan soldiers")
    assert (taliban.name, taliban.inter, taliban.kind) == ("Taliban", 2, "rebel")
    assert (soldiers.name, soldiers.inter) == ("Military Forces of Afghanistan (2014-2021)", 1)
    after = found_on(text, AFTER_KABUL_FELL)
    assert {(a.name, a.inter) for a in after} == {("Military Forces of Afghanistan (2021-)", 1)}


def test_the_day_the_regime_changed_belongs_to_the_new_one(found_on) -> None:
    (actor,) = found_on("The Taliban entered the capital.", dt.date(2021, 8, 15))
    assert actor.name == "Military Forces of Afghanistan (2021-)"
    (actor,) = found_on("The Taliban entered the capital.", dt.date(2021, 8, 14))
    assert actor.name == "Taliban"


@pytest.mark.parametrize(("text", "day", "name"), [
    ("Syrian troops shelled the town.", dt.date(2018, 3, 1), "Military Forces of Syria (2000-2024)"),
    ("Syrian troops shelled the town.", dt.date(2025, 3, 1), "Military Forces of Syria (2024-)"),
    ("American troops withdrew.", dt.date(2019, 3, 1), "Military Forces of the United States (2017-2021)"),
    ("American troops withdrew.", dt.date(2022, 3, 1), "Military Forces of the United States (2021-2025)"),
    # the table knows no Egyptian regime before 2014: no years rather than the wrong government's
    ("Egyptian police detained him.", dt.date(2011, 1, 28), "Police Forces of Egypt"),
    ("Egyptian police detained him.", dt.date(2016, 1, 28), "Police Forces of Egypt (2014-)"),
    ("Egyptian police detained him.", None, "Police Forces of Egypt (2014-)"),
])
def test_state_forces_carry_the_years_of_the_regime_of_the_day(found_on, text: str, day, name: str) -> None:
    (actor,) = found_on(text, day)
    assert actor.name == name


def test_a_group_that_broke_with_the_state_was_its_forces_before(found_on, actors: ActorDictionary) -> None:
    (before,) = found_on("The Rapid Support Forces deployed in Khartoum.", dt.date(2022, 5, 1))
    assert (before.name, before.inter) == ("Military Forces of Sudan (2019-)", 1)
    assert actors.sub_unit(before) == "Rapid Support Forces"
    (after,) = found_on("The Rapid Support Forces deployed in Khartoum.", dt.date(2023, 5, 1))
    assert (after.name, after.inter) == ("Rapid Support Forces", 2)


def test_localise_names_the_country_for_the_day(find, actors: ActorDictionary) -> None:
    soldiers = by_text(find("Soldiers opened fire."), "Soldiers")
    assert actors.localise(soldiers, "SY", on=dt.date(2020, 1, 1)).name == "Military Forces of Syria (2000-2024)"


def test_days_are_alike_unless_some_name_changes_between_them(actors: ActorDictionary) -> None:
    assert actors.names_alike(dt.date(2017, 2, 1), dt.date(2017, 3, 1))
    assert not actors.names_alike(dt.date(2021, 8, 1), dt.date(2021, 9, 1))
    assert not actors.names_alike(BEFORE_KABUL_FELL, None)


@pytest.mark.parametrize(("text", "written", "name"), [
    ("The Kremlin said the talks had failed.", "Kremlin", "Government of Russia (2000-)"),
    ("The White House denied the report.", "White House", "Government of the United States (2025-)"),
    ("Downing Street declined to comment.", "Downing Street", "Government of the United Kingdom (2024-)"),
    ("The Pentagon confirmed the strike.", "Pentagon", "Military Forces of the United States (2025-)"),
])
def test_a_seat_of_power_stands_for_its_government(find, text: str, written: str, name: str) -> None:
    actor = by_text(find(text), written)
    assert (actor.name, actor.inter) == (name, 1)


def test_the_saudi_led_coalition_is_coded_to_the_saudi_military(find) -> None:
    actor = by_text(find("The Saudi-led coalition struck targets in Sanaa."), "Saudi-led coalition")
    assert (actor.name, actor.inter, actor.country) == ("Military Forces of Saudi Arabia (2015-)", 1, "SA")
