"""Gazetteer-driven recognition of names NER missed, with its precision filters."""

from __future__ import annotations

from spacy.tokens import Doc

from faultline.geo import Gazetteer, find_toponyms
from faultline.geo.name_words import load_common_words


def _with_entities(doc: Doc, *entities: tuple[str, str]) -> Doc:
    """The doc with exactly these (text, label) entities, so the tests do not depend on the model's NER."""
    spans = []
    for text, label in entities:
        start = doc.text.index(text)
        spans.append(doc.char_span(start, start + len(text), label=label))
    doc.ents = spans
    return doc


def _found(nlp, gazetteer: Gazetteer, text: str, *entities: tuple[str, str]) -> list[str]:
    return [t.text for t in find_toponyms(_with_entities(nlp(text), *entities), 0, gazetteer)]


def test_towns_ner_missed_are_found_through_the_gazetteer(nlp, gazetteer: Gazetteer) -> None:
    found = _found(nlp, gazetteer, "Floodwaters that reached Fargo overnight closed roads around Bismarck, crews said.")
    assert "Fargo" in found and "Bismarck" in found


def test_common_capitalised_words_at_sentence_start_are_not_places(nlp, gazetteer: Gazetteer) -> None:
    # Independence (Missouri), Mission (Texas) and Union (New Jersey) are all towns of 20,000+.
    text = "Independence was the word of the day. Mission leaders met later. Union members walked out."
    assert _found(nlp, gazetteer, text) == []


def test_common_words_mid_sentence_and_people_are_not_places(nlp, gazetteer: Gazetteer) -> None:
    text = "Crowds at the Independence Day parade cheered as Jackson Smith spoke about the National Guard."
    assert _found(nlp, gazetteer, text, ("Jackson Smith", "PERSON")) == []


def test_a_word_the_text_also_writes_in_lower_case_is_not_a_place(nlp, gazetteer: Gazetteer) -> None:
    text = "Officials said Mission control lost contact; the mission continues."
    assert "Mission" not in _found(nlp, gazetteer, text)


def test_a_place_keeps_its_sense_through_the_article(nlp, gazetteer: Gazetteer) -> None:
    text = "Police in Alexandria said the man fled. Alexandria detectives later arrested an Alexandria man."
    doc = nlp(text)
    second = text.index("Alexandria detectives")
    doc.ents = [doc.char_span(second, second + len("Alexandria"), label="PERSON")]
    found = [t.start for t in find_toponyms(doc, 0, gazetteer) if t.text == "Alexandria"]
    assert len(found) == 3


def test_a_place_inside_a_persons_name_is_not_propagated(nlp, gazetteer: Gazetteer) -> None:
    text = "Police in Alexandria said the man fled. Alexandria Ocasio spoke at the meeting."
    found = find_toponyms(_with_entities(nlp(text), ("Alexandria Ocasio", "PERSON")), 0, gazetteer)
    assert [t.start for t in found if t.text == "Alexandria"] == [text.index("Alexandria")]


def test_state_after_a_town_is_found_even_abbreviated(nlp, gazetteer: Gazetteer) -> None:
    text = "Storms hit Columbia, S.C., and Louisville, Ky., on Monday."
    found = _found(nlp, gazetteer, text, ("Columbia", "GPE"), ("Louisville", "GPE"))
    assert {"S.C.", "Ky."} <= set(found)


def test_common_words_file_is_single_lower_case_words() -> None:
    words = load_common_words()
    assert "university" in words and "west" in words
    assert all(word == word.lower() and " " not in word for word in words)


def test_a_surname_that_is_also_a_place_is_not_spread(nlp, gazetteer: Gazetteer) -> None:
    text = "Officials in Jackson met Ann Jackson on Friday. Jackson said the dam would hold."
    doc = _with_entities(nlp(text), ("Jackson", "GPE"), ("Ann Jackson", "PERSON"))
    assert [t.start for t in find_toponyms(doc, 0, gazetteer)] == [text.index("Jackson")]


def test_a_place_named_for_a_disease_is_not_a_place_there(nlp, gazetteer: Gazetteer) -> None:
    text = "Doctors in Kabul said. Kabul fever is not a real illness, but Kabul virus samples were sent."
    found = find_toponyms(_with_entities(nlp(text), ("Kabul", "GPE")), 0, gazetteer)
    assert [t.start for t in found] == [text.index("Kabul")]


def test_a_city_the_model_calls_a_nationality_is_a_place(nlp, gazetteer: Gazetteer) -> None:
    assert _found(nlp, gazetteer, "Kandahar saw heavy fighting on Sunday.", ("Kandahar", "NORP")) == ["Kandahar"]


def test_an_organisation_named_after_a_city_stays_an_organisation(nlp, gazetteer: Gazetteer) -> None:
    assert not _found(nlp, gazetteer, "Lincoln announced record sales on Sunday.", ("Lincoln", "ORG"))


def test_an_acronym_the_model_calls_a_place_needs_the_gazetteer(nlp, gazetteer: Gazetteer) -> None:
    found = _found(nlp, gazetteer, "Officials at the MoD said two soldiers died in Kandahar.", ("MoD", "GPE"), ("Kandahar", "GPE"))
    assert found == ["Kandahar"]


def test_a_title_case_headline_name_is_cut_to_the_place_that_opens_it(nlp, gazetteer: Gazetteer) -> None:
    assert _found(nlp, gazetteer, "Taliban Fighters Killed In Kandahar Raids", ("Kandahar Raids", "GPE")) == ["Kandahar"]


def test_the_target_of_a_strike_is_a_place_whatever_the_model_called_it(nlp, gazetteer: Gazetteer) -> None:
    found = _found(nlp, gazetteer, "Rebels launched a rocket strike on Kandahar overnight.", ("Kandahar", "PERSON"))
    assert found == ["Kandahar"]
