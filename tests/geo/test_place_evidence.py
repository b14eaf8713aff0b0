"""Evidence for a place beyond its name: support for weak readings, country adjectives, containers."""

from __future__ import annotations

from faultline.geo import Geocoder, find_toponyms
from faultline.geo.embedded import load_country_names
from faultline.geo.name_words import CAPITAL, LANDMARK, NATIONAL_AREA
from faultline.model import Place, Toponym, Unresolved


def _toponyms(text: str, *names: str, label: str | None = None) -> list[Toponym]:
    return [Toponym(name, text.index(name), text.index(name) + len(name), label=label) for name in names]


def test_a_fuzzy_match_needs_support_from_the_text(geocoder: Geocoder) -> None:
    bare = "Gunmen attacked the village of Eshkashem."
    tajik = "Tajik officials said gunmen attacked the village of Eshkashem."
    assert isinstance(geocoder.resolve_all(_toponyms(bare, "Eshkashem"), text=bare)[0], Unresolved)
    supported = geocoder.resolve_all(_toponyms(tajik, "Eshkashem"), text=tajik)[0]
    assert isinstance(supported, Place) and supported.iso2 == "TJ"


def test_a_landmark_is_not_a_far_town_of_its_first_word(geocoder: Geocoder) -> None:
    text = "A man stabbed two people at Khorugh Bridge in Cairo."
    bridge, cairo = geocoder.resolve_all(
        [*_toponyms(text, "Khorugh Bridge", label=LANDMARK), *_toponyms(text, "Cairo")], text=text)
    assert isinstance(cairo, Place) and cairo.iso2 == "EG"
    # Unsupported as the Tajik town, the bridge is placed by the town it is in.
    assert isinstance(bridge, Place) and (bridge.iso2, bridge.name, bridge.geo_precision) == ("EG", "Khorugh Bridge", 2)


def test_a_large_city_stands_for_its_landmark(geocoder: Geocoder) -> None:
    text = "A bomb went off at Kabul University."
    place = geocoder.resolve_all(_toponyms(text, "Kabul University", label=LANDMARK), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "AF"


def test_a_part_of_a_town_lies_in_its_country(geocoder: Geocoder) -> None:
    text = "Two men were shot in the Khorugh area of Kabul."
    part, town = geocoder.resolve_all(_toponyms(text, "Khorugh", "Kabul"), text=text)
    assert isinstance(town, Place) and town.iso2 == "AF"
    assert isinstance(part, Place) and part.iso2 == "AF" and part.geo_precision == 2


def test_country_adjective_before_a_place_noun_and_name(geocoder: Geocoder) -> None:
    text = "Fighting broke out in the eastern Tajik area of Eshkashem."
    place = geocoder.resolve_all(_toponyms(text, "Eshkashem"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "TJ"


def test_national_place_nouns(nlp, gazetteer, geocoder: Geocoder) -> None:
    text = "A bomb exploded in the Afghan capital. Another hit a Tajik border district on Monday."
    toponyms = find_toponyms(nlp(text), 0, gazetteer)
    assert [(t.text, t.label) for t in toponyms] == [
        ("Afghan capital", CAPITAL), ("Tajik border district", NATIONAL_AREA)]
    capital, district = geocoder.resolve_all(toponyms, text=text)
    assert isinstance(capital, Place) and capital.name == "Kabul" and capital.geo_precision == 1
    assert isinstance(district, Place) and district.iso2 == "TJ" and district.geo_precision == 3


def test_a_countrys_capital_written_as_its_possession(nlp, gazetteer, geocoder: Geocoder) -> None:
    text = "A bomb exploded in Tajikistan's capital on Monday. Egypt's capital Cairo was calm."
    toponyms = find_toponyms(nlp(text), 0, gazetteer)
    found = [(t.text, t.label) for t in toponyms]
    assert found[:2] == [("Tajikistan", "GPE"), ("capital", CAPITAL)]
    assert ("capital", CAPITAL) not in found[2:]
    country, capital = geocoder.resolve_all(toponyms, text=text)[:2]
    assert isinstance(country, Place) and country.iso2 == "TJ" and country.geo_precision == 3
    assert isinstance(capital, Place) and capital.name == "Dushanbe" and capital.geo_precision == 1


def test_demonyms_alone_and_named_places_make_no_national_area(nlp, gazetteer) -> None:
    text = "Afghan soldiers fought near the Tajik border. The Afghan capital Kabul was calm."
    names = [t.text for t in find_toponyms(nlp(text), 0, gazetteer)]
    assert "Afghan capital" not in names and not any("border" in n or "soldiers" in n for n in names)


def test_a_name_stops_at_the_end_of_its_sentence(nlp, gazetteer) -> None:
    text = "A car bomb exploded in the centre of the city of Kabul. At least 38 people were killed."
    assert "Kabul" in [t.text for t in find_toponyms(nlp(text), 0, gazetteer)]


def test_a_possessor_encloses_its_named_part(nlp, gazetteer) -> None:
    text = "Suicide bombers attacked a church on Kabul's Zarghoon Road."
    assert "Kabul" in [t.text for t in find_toponyms(nlp(text), 0, gazetteer)]


def test_country_names_are_written_as_acled_writes_them() -> None:
    names = load_country_names()
    assert names["NL"] == "Netherlands"
    assert not any(name.startswith("The ") for name in names.values())
