"""Toponym recognition on the small model, with absolute offsets."""

from __future__ import annotations

from faultline.geo import Gazetteer, find_toponyms

TEXT = ("Tajik border guards clashed with Afghan smugglers near the Kalai-Khumb border post in Darvaz district "
        "on Tuesday. Officials in Khorugh said two guards died.")


def test_patterns_ner_and_demonyms(nlp, gazetteer: Gazetteer) -> None:
    offset = 1000
    found = find_toponyms(nlp(TEXT), offset, gazetteer)
    by_text = {t.text: t for t in found}
    assert by_text["Kalai-Khumb border post"].label == "border_post"
    assert by_text["Darvaz district"].label == "district"
    assert "Khorugh" in by_text
    assert not {"Tajik", "Afghan"} & set(by_text)  # country adjectives are evidence, not places
    for toponym in found:
        assert TEXT[toponym.start - offset:toponym.end - offset] == toponym.text
        assert toponym.role == "other"


def test_span_input_keeps_article_offsets(nlp, gazetteer: Gazetteer) -> None:
    doc = nlp(TEXT)
    second = list(doc.sents)[-1]
    found = find_toponyms(second, 50, gazetteer)
    assert [t.text for t in found] == ["Khorugh"]
    assert found[0].start == 50 + TEXT.index("Khorugh")


def test_country_name_that_looks_like_a_demonym_is_a_place(nlp, gazetteer: Gazetteer) -> None:
    text = "Egypt and Egyptians: the Egyptian army moved into Cairo."
    found = [t.text for t in find_toponyms(nlp(text), 0, gazetteer)]
    assert "Egypt" in found and "Cairo" in found
    assert "Egyptians" not in found and "Egyptian" not in found


def test_sentence_final_stop_is_not_part_of_the_name(nlp, gazetteer: Gazetteer) -> None:
    found = find_toponyms(nlp("The convoy was stopped near Khorugh."), 0, gazetteer)
    assert [t.text for t in found] == ["Khorugh"]


def test_district_of_a_city_does_not_make_the_city_a_district(nlp, gazetteer):
    from faultline.geo import find_toponyms

    doc = nlp("Shells hit a residential district of Kabul on Sunday.")
    found = find_toponyms(doc, 0, gazetteer)
    kabul = [t for t in found if t.text == "Kabul"]
    assert kabul and kabul[0].label != "district"


def test_a_town_the_model_calls_a_nationality_is_still_found_after_a_preposition(nlp, gazetteer):
    from spacy.tokens import Span as SpacySpan

    from faultline.geo import find_toponyms

    doc = nlp("Warplanes struck a village north of Kandahar yesterday.")
    index = next(tok.i for tok in doc if tok.text == "Kandahar")
    doc.ents = [SpacySpan(doc, index, index + 1, label="NORP")]
    assert "Kandahar" in [t.text for t in find_toponyms(doc, 0, gazetteer)]


def test_the_state_of_a_name_is_the_unit(nlp, gazetteer):
    doc = nlp("Gunmen killed four people in the northern state of Kansas on Monday.")
    kansas = [t for t in find_toponyms(doc, 0, gazetteer) if t.text == "Kansas"]
    assert kansas and kansas[0].label == "province"


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name(nlp, gazetteer: Gazetteer) -> None:
    found = {t.text for t in find_toponyms(nlp("In Darvaz district, border guards said they repelled an attack."),
                                           0, gazetteer)}
    assert "Darvaz district" in found and not any(name.startswith("In ") for name in found)


def test_a_name_opening_with_a_lowercase_arabic_article_is_found(nlp, gazetteer: Gazetteer) -> None:
    found = {t.text for t in find_toponyms(nlp("Protesters set fire to an office in the town of al-Shatra "
                                               "on Monday."), 0, gazetteer)}
    assert "al-Shatra" in found
