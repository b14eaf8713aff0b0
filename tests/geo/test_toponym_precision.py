"""Words recognition must not take for places: people's names, offices, illnesses, titles, foreign street words."""

from __future__ import annotations

from faultline.geo import Gazetteer
from tests.geo.recognition import found_toponyms


def test_a_surname_of_a_person_named_in_full_is_no_place(nlp, gazetteer: Gazetteer) -> None:
    text = "Dana Marshall trained the squad all winter, and fans cheered Marshall after the final in Houston."
    found = found_toponyms(nlp, gazetteer, text, ents={"Dana Marshall": "PERSON", "Marshall": "GPE", "Houston": "GPE"})
    assert "Marshall" not in found
    assert "Houston" in found


def test_a_name_after_a_title_or_before_a_speech_verb_is_a_person(nlp, gazetteer: Gazetteer) -> None:
    found = found_toponyms(nlp, gazetteer, "The parents thanked coach Marshall at the gym in Houston.",
                   ents={"Marshall": "GPE", "Houston": "GPE"})
    assert "Marshall" not in found and "Houston" in found
    found = found_toponyms(nlp, gazetteer, "“We kept our nerve,” Marshall said after the match in Houston.",
                   ents={"Marshall": "GPE", "Houston": "GPE"})
    assert "Marshall" not in found and "Houston" in found


def test_a_place_that_speaks_stays_a_place(nlp, gazetteer: Gazetteer) -> None:
    # A resident of a town speaks, not the town; a large city or a state speaks through its government.
    found = found_toponyms(nlp, gazetteer, "A former resident of Marshall told reporters the water was brown.",
                   ents={"Marshall": "GPE"})
    assert "Marshall" in found
    found = found_toponyms(nlp, gazetteer, "Houston said the roads would reopen, and Texas said it would pay.",
                   ents={"Houston": "GPE", "Texas": "GPE"})
    assert {"Houston", "Texas"} <= set(found)


def test_a_word_the_model_splits_off_a_persons_name_is_no_place(nlp, gazetteer: Gazetteer) -> None:
    text = "Neighbours said Rebecca Ann Johnston had moved to Houston."
    found = found_toponyms(nlp, gazetteer, text, ents={"Rebecca": "GPE", "Ann Johnston": "PERSON", "Houston": "GPE"})
    assert "Rebecca" not in found
    assert "Houston" in found


def test_an_office_after_a_place_is_not_part_of_it(nlp, gazetteer: Gazetteer) -> None:
    text = "Ballots were counted, according to a Harris County Clerk spokesman in Houston."
    found = found_toponyms(nlp, gazetteer, text, ents={"Harris County Clerk": "GPE", "Houston": "GPE"})
    assert "Harris County" in found and "Harris County Clerk" not in found
    assert "Houston" in found


def test_a_place_name_for_an_illness_is_no_place(nlp, gazetteer: Gazetteer) -> None:
    text = "Doctors in Houston confirmed a case of the Marburg virus and warned of the United States flu season."
    found = found_toponyms(nlp, gazetteer, text, ents={"Houston": "GPE", "Marburg": "GPE", "United States": "GPE"})
    assert "Marburg" not in found
    assert {"Houston", "United States"} <= set(found)


def test_a_foreign_street_word_is_not_cut_off_its_name(nlp, gazetteer: Gazetteer) -> None:
    # "Calle del Correo" is one name: the preposition pattern must not stop at the particle.
    found = found_toponyms(nlp, gazetteer, "Stalls lined up at Kabul del Sol market, then moved to Ghazni.", ents={})
    assert "Kabul" not in found
    assert "Ghazni" in found


def test_a_pageant_title_is_no_state(nlp, gazetteer: Gazetteer) -> None:
    found = found_toponyms(nlp, gazetteer, "She won the Little Miss crown at the fair in Houston last spring.", ents={})
    assert "Miss" not in found
    assert "Houston" in found


def test_a_misread_venue_gives_no_surname(nlp, gazetteer: Gazetteer) -> None:
    # The model reads "The George in Marshall" (a pub) as a person: "Marshall" is no surname for that.
    text = "Regulars at The George in Marshall raised money for a hospice. The drive in Marshall lasted a week."
    found = found_toponyms(nlp, gazetteer, text, ents={"The George in Marshall": "PERSON", "Marshall": "GPE"})
    assert "Marshall" in found
