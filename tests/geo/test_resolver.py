"""Resolution with context, honest precision codes, and never a demonym."""

from __future__ import annotations

from faultline.geo import Geocoder, find_toponyms
from faultline.model import Place, Toponym, Unresolved


def _toponyms(text: str, *names: str) -> list[Toponym]:
    return [Toponym(name, text.index(name), text.index(name) + len(name)) for name in names]


def test_same_name_towns_follow_the_articles_other_places(geocoder: Geocoder) -> None:
    us = "Police in Alexandria arrested two men, the Louisiana state police said."
    egypt = "Protesters gathered in Alexandria before marching on Cairo."
    louisiana = geocoder.resolve_all(_toponyms(us, "Alexandria", "Louisiana"), text=us)[0]
    nile = geocoder.resolve_all(_toponyms(egypt, "Alexandria", "Cairo"), text=egypt)[0]
    assert isinstance(louisiana, Place) and (louisiana.iso2, louisiana.admin1) == ("US", "Louisiana")
    assert isinstance(nile, Place) and nile.iso2 == "EG"


def test_country_adjective_picks_the_province(geocoder: Geocoder) -> None:
    text = "Tajik officials said fighting in Badakhshan had stopped."
    place = geocoder.resolve_all(_toponyms(text, "Badakhshan"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "TJ"
    afghan = "The Afghan province of Badakhshan saw fighting."
    assert geocoder.resolve_all(_toponyms(afghan, "Badakhshan"), text=afghan)[0].iso2 == "AF"


def test_precision_codes_and_acled_fields(geocoder: Geocoder) -> None:
    text = "Shots were fired in Khorugh, near Kunduz, across Gorno-Badakhshan and elsewhere in Tajikistan."
    town, near, province, country = geocoder.resolve_all(
        _toponyms(text, "Khorugh", "Kunduz", "Gorno-Badakhshan", "Tajikistan"), text=text)
    assert (town.geo_precision, town.where_prec) == (1, 1)
    assert (near.geo_precision, near.where_prec) == (2, 2)
    assert (province.geo_precision, province.where_prec, province.feature) == (3, 4, "A.ADM1")
    assert (country.geo_precision, country.where_prec) == (3, 6)  # a country centroid is never precise
    assert (town.country, town.iso2, town.iso_numeric, town.region) == ("Tajikistan", "TJ", 762, "Caucasus and Central Asia")
    assert town.admin1 == "Gorno-Badakhshan" and town.geonameid == 1221328 and town.population
    assert town.span.text == "Khorugh" and text[town.span.start:town.span.end] == "Khorugh"


def test_unknown_place_takes_the_enclosing_unit_coarsely(geocoder: Geocoder) -> None:
    text = "Guards fired at the Shargun border post, Gorno-Badakhshan, on Monday."
    post = Toponym("Shargun border post", text.index("Shargun"), text.index("Shargun") + 19, label="border_post")
    region = _toponyms(text, "Gorno-Badakhshan")[0]
    place, unit = geocoder.resolve_all([post, region], text=text)
    assert isinstance(place, Place) and place.name == "Shargun border post"
    assert (place.latitude, place.longitude) == (unit.latitude, unit.longitude)
    assert place.geo_precision == 3 and place.where_prec == 4


def test_unknown_place_without_context_is_unresolved(geocoder: Geocoder) -> None:
    text = "They met in Zzyzxqor yesterday."
    result = geocoder.resolve_all(_toponyms(text, "Zzyzxqor"), text=text)[0]
    assert isinstance(result, Unresolved) and result.reason and result.start == text.index("Zzyzxqor")


def test_resolve_event_never_picks_a_demonym(geocoder: Geocoder) -> None:
    text = "Afghan militants attacked a post in Khorugh."
    demonym = _toponyms(text, "Afghan")[0]
    result = geocoder.resolve_event(demonym, context=_toponyms(text, "Khorugh"), text=text)
    assert isinstance(result, Unresolved) and "demonym" in result.reason
    assert geocoder.resolve_event(None, context=[], text=text) is None
    place = geocoder.resolve_event(_toponyms(text, "Khorugh")[0], context=[demonym], text=text)
    assert isinstance(place, Place) and place.iso2 == "TJ"


def test_transliterated_name_resolves(geocoder: Geocoder) -> None:
    text = "Clashes were reported in Eshkashem district and in Qunduz."
    first, second = geocoder.resolve_all(_toponyms(text, "Eshkashem", "Qunduz"), text=text)
    assert isinstance(first, Place) and first.iso2 in ("TJ", "AF")
    assert isinstance(second, Place) and second.name == "Kunduz"


def test_end_to_end_on_parsed_text(nlp, gazetteer, geocoder: Geocoder) -> None:
    text = "Fighting broke out in Khorugh, the capital of Gorno-Badakhshan, Tajik officials said."
    toponyms = find_toponyms(nlp(text), 0, gazetteer)
    results = geocoder.resolve_all(toponyms, text=text)
    assert [r.iso2 for r in results if isinstance(r, Place)] == ["TJ", "TJ"]


def test_a_town_naming_a_road_is_near_what_happened_on_it(geocoder: Geocoder) -> None:
    text = "A bomb hit a bus on the Kabul-Kandahar highway; later gunmen struck in Kandahar."
    road, later = text.index("Kabul"), text.rindex("Kandahar")
    spans = [Toponym("Kabul", road, road + 5), Toponym("Kandahar", road + 6, road + 14), Toponym("Kandahar", later, later + 8)]
    kabul, road_end, town = geocoder.resolve_all(spans, text=text)
    assert all(isinstance(p, Place) for p in (kabul, road_end, town))
    assert (kabul.geo_precision, road_end.geo_precision, town.geo_precision) == (2, 2, 1)


def test_a_headlines_last_place_is_not_inside_the_dateline_city_below_it(geocoder: Geocoder) -> None:
    text = "Two guards killed at Shargun border post\n\nKHORUGH, May 3 - Gunmen fired on guards."
    post = Toponym("Shargun border post", text.index("Shargun"), text.index("Shargun") + 19, label="border_post")
    dateline = _toponyms(text, "KHORUGH")[0]
    place, _ = geocoder.resolve_all([post, dateline], text=text)
    assert isinstance(place, Unresolved)
    same_line = text.replace("\n\n", ", ")
    moved = Toponym("KHORUGH", same_line.index("KHORUGH"), same_line.index("KHORUGH") + 7)
    place, _ = geocoder.resolve_all([post, moved], text=same_line)
    assert isinstance(place, Place) and place.admin1 == "Gorno-Badakhshan"


def test_a_place_near_the_town_of_a_name_is_near_it(geocoder: Geocoder) -> None:
    for text, near in (("Gunmen attacked an army post near the northern town of Kunduz.", True),
                       ("Gunmen attacked an army post near the town of Kunduz.", True),
                       ("Gunmen attacked an army post in the town of Kunduz.", False)):
        (place,) = geocoder.resolve_all(_toponyms(text, "Kunduz"), text=text)
        assert isinstance(place, Place) and place.geo_precision == (2 if near else 1), text
