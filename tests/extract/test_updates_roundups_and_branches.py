"""Wire updates and roundups: an editor's note is no statement, the day a toll was given is no day of
the attack, a roundup's headline heads no story, a group written out with its acronym is one actor, Islamic
State takes its province's name, fighting that kills is a clash, and jets backing troops join no fight."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text
from faultline.nlp.datelines import is_editors_note

PUBLISHED = dt.date(2026, 4, 14)  # a Tuesday


def test_an_editors_note_is_recognised_only_whole_and_in_brackets():
    assert is_editors_note("(Adds army statement in paragraph 4, roadside bomb in paragraphs 10-11)")
    assert is_editors_note("(Reporting by Amina Musa in Kano; Editing by Tom Hale)")
    assert not is_editors_note("(The army adds that two soldiers were wounded.) Police said more.")
    assert not is_editors_note("Officials adds nothing (as usual).")


def test_an_editors_note_between_headline_and_story_is_not_read():
    text = ("UPDATE 1-Militants kill 12 soldiers in attack on base in Borno\n\n"
            "(Adds roadside bomb in paragraph 5)\n\n"
            "KANO, Nigeria, April 14 (Reuters) - Militants killed 12 soldiers in an attack on an army base in "
            "Damboa late on Sunday, two military sources said on Tuesday.\n\n"
            "The fighters stormed the base from three sides and were pushed back after two hours.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.event_date, event.sub_event_type, event.fatalities) == ("2026-04-12", "Armed clash", 12)


def test_the_day_a_toll_was_given_is_not_the_day_of_the_attack():
    text = ("Gunmen killed at least 20 villagers in an attack on Zurmi, residents said, up from a toll of 12 "
            "given by police on Monday. The attackers arrived on motorcycles late on Sunday and opened fire.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-04-12"


def test_a_roundups_headline_heads_none_of_its_stories():
    text = ("News in brief: Sahel ambush, Goma clashes, Lagos march\n\n"
            "NIAMEY, Niger (AP) — Gunmen ambushed a patrol near Tera on Monday, killing four soldiers, the army "
            "said.\n\n"
            "LAGOS, Nigeria (AP) — Thousands of traders marched through Lagos on Monday to protest against new "
            "market levies. The march ended peacefully.")
    events = extract_text(text, published=PUBLISHED)
    kinds = sorted(e.sub_event_type for e in events)
    assert kinds == ["Armed clash", "Peaceful protest"]
    ambush = next(e for e in events if e.sub_event_type == "Armed clash")
    assert ambush.country == "Niger"


def test_a_known_groups_name_with_its_acronym_is_the_group_and_its_fighters():
    text = "Islamic State West Africa Province (ISWAP) fighters killed 20 soldiers in Marte on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1 == "Islamic State West Africa Province"


def test_islamic_state_in_a_country_with_a_province_of_its_own_is_that_province():
    text = "Islamic State fighters killed 20 soldiers in an attack on a base in Marte, Borno state, on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1 == "Islamic State West Africa Province"


def test_islamic_state_elsewhere_takes_its_country():
    text = "Islamic State fighters killed 20 soldiers in an attack on a base near Deir ez-Zor on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1 == "Islamic State (Syria)"


def test_fighting_that_kills_is_a_clash_between_its_sides():
    text = ("Fighting between M23 rebels and Wazalendo militia fighters near the town of Rubaya killed at least "
            "seven people on Wednesday, local leaders said.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 10))
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "M23: March 23 Movement")


def test_jets_backing_troops_are_the_troops_own_and_start_no_fight():
    text = ("Islamic State West Africa Province fighters killed 20 soldiers in an attack on an army base in Marte "
            "on Sunday, sources said.\n\n"
            "Dozens of insurgents in gun trucks stormed the base late on Sunday, firing rocket-propelled "
            "grenades before troops, backed by fighter jets, pushed them back in fighting that lasted until "
            "dawn.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-04-12"
