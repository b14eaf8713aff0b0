"""What the words around a name say of where it lies: a country as possessor, a district's enclosing
unit, and how far a spelling guess may stray from the article's country."""

from __future__ import annotations

from dataclasses import replace

from faultline.geo import Candidate, Geocoder
from faultline.model import Place, Unresolved
from tests.geo.test_resolution_context import _at, _c, _FakeGazetteer
from tests.geo.test_resolution_names import _last

# Invented countries and places: Norvia and Sudra share a province name across their border.
NORVIA = _c(1, "Norvia", "PCLI", "XN", "", population=30_000_000, lat=34.0, lon=66.0)
SUDRA = _c(2, "Sudra", "PCLI", "XS", "", population=9_000_000, lat=38.8, lon=71.0)
KELAT_NORVIA = _c(3, "Kelat", "ADM1", "XN", "01", population=100_000, lat=37.2, lon=71.2)
KELAT_SUDRA = _c(4, "Kelat", "ADM1", "XS", "01", population=80_000, lat=37.6, lon=72.4)
PLACES = {
    "Norvia": [NORVIA], "Sudra": [SUDRA], "Kelat": [KELAT_NORVIA, KELAT_SUDRA],
    "Dunmar": [_c(5, "Dunmar", "PPLC", "XS", "02", population=800_000, lat=38.5, lon=68.8)],
    "Orsk": [_c(6, "Orsk", "PPLA", "XS", "01", population=30_000, lat=37.5, lon=71.5)],
}


def _geocoder(entries: dict[str, list[Candidate]], demonyms: dict[str, str] | None = None) -> Geocoder:
    return Geocoder(_FakeGazetteer(entries), demonyms=demonyms or {})  # type: ignore[arg-type]


def test_a_country_as_possessor_places_the_name_in_it() -> None:
    # Everything else in the story is in Sudra; the possessor still says which Kelat.
    text = ("Sudra said troops in Orsk and Dunmar were on alert after raiders crossed from "
            "Norvia's Kelat province, officials in Dunmar said.")
    place = _geocoder(PLACES).resolve_all(_at(text, "Sudra", "Orsk", "Dunmar", "Kelat province"), text=text)[-1]
    assert isinstance(place, Place) and place.iso2 == "XN"


def test_a_country_adjective_before_a_unit_word_places_the_name_in_it() -> None:
    text = "Sudra said troops in Orsk and Dunmar were on alert after raiders crossed from the Norvian province of Kelat."
    toponyms = _at(text, "Sudra", "Orsk", "Dunmar", "Kelat")
    place = _geocoder(PLACES, {"norvian": "XN"}).resolve_all(toponyms, text=text)[-1]
    assert isinstance(place, Place) and place.iso2 == "XN"


def test_a_possessor_that_is_no_country_states_none() -> None:
    for text in ("Sudra said troops in Orsk were on alert after raiders crossed from Kelat province.",
                 "Sudra said troops in Orsk were on alert after raiders crossed from Dunmar's Kelat province."):
        place = _geocoder(PLACES).resolve_all(_at(text, "Sudra", "Orsk", "Kelat province"), text=text)[-1]
        assert isinstance(place, Place) and place.iso2 == "XS", text


# A district named after its main town, known to the gazetteer only across the border in Norvia.
ISHKAR_DISTRICT_NORVIA = _c(10, "Ishkar", "ADM2", "XN", "01", "Ishkar", population=12_000, lat=36.68, lon=71.53)
ISHKAR_TOWN_SUDRA = _c(11, "Ishqar", "PPL", "XS", "01", population=26_000, lat=36.72, lon=71.61)
DISTRICTS = {"Ishkar": [ISHKAR_DISTRICT_NORVIA, ISHKAR_TOWN_SUDRA], "Kelat": [KELAT_SUDRA]}


def test_a_district_missing_from_its_unit_is_placed_at_the_town_it_is_named_after() -> None:
    text = "Gunmen stormed a border post in the Ishkar district of Kelat before dawn."
    place = _geocoder(DISTRICTS).resolve_all(_at(text, "Ishkar district", "Kelat"), text=text)[0]
    assert isinstance(place, Place) and (place.iso2, place.feature, place.name) == ("XS", "P.PPL", "Ishkar district")
    assert (place.geo_precision, place.where_prec) == (2, 3)  # the district's main town, not the town itself


def test_a_district_without_an_enclosing_unit_or_found_in_it_is_the_district() -> None:
    text = "Gunmen stormed a border post in Ishkar district before dawn."
    place = _geocoder(DISTRICTS).resolve_all(_at(text, "Ishkar district"), text=text)[0]
    assert isinstance(place, Place) and (place.iso2, place.feature) == ("XN", "A.ADM2")
    in_sudra = replace(ISHKAR_DISTRICT_NORVIA, geonameid=12, country="XS")
    text = "Gunmen stormed a border post in the Ishkar district of Kelat before dawn."
    entries = {**DISTRICTS, "Ishkar": [*DISTRICTS["Ishkar"], in_sudra]}
    place = _geocoder(entries).resolve_all(_at(text, "Ishkar district", "Kelat"), text=text)[0]
    assert isinstance(place, Place) and (place.iso2, place.feature) == ("XS", "A.ADM2")


# A capital and a lakeside town of one country; across the lake, 270 km from the town, a town of
# another country whose name is one letter off a slum the gazetteer lacks.
CAPITAL = _c(20, "Nairo", "PPLC", "XK", "05", population=4_400_000, lat=-1.28, lon=36.82)
LAKESIDE = _c(21, "Kisuma", "PPL", "XK", "17", population=400_000, lat=-0.1, lon=34.75)
LOOKALIKE = replace(_c(22, "Kibari", "PPL", "XT", "08", population=17_000, lat=-2.15, lon=33.45), score=0.83)
SLUMS = {"Nairo": [CAPITAL], "Kisuma": [LAKESIDE], "Kibra": [LOOKALIKE],
         "Tanzara": [_c(23, "Tanzara", "PCLI", "XT", "", population=60_000_000, lat=-6.0, lon=35.0)],
         "Mathara": [replace(_c(24, "Matharu", "PPL", "XK", "05", population=9_000, lat=-1.26, lon=36.86), score=0.86)]}


def test_a_spelling_guess_outside_the_articles_country_needs_support_of_its_own() -> None:
    geocoder = _geocoder(SLUMS)
    across_the_lake = ("Police fired on protesters in Kibra and in Nairo on Monday. A man was shot dead in "
                       "Kisuma. Officials in Nairo denied it.")
    in_passing = ("Police fired on protesters in Kibra and in Nairo on Monday. Similar protests were held in "
                  "Tanzara last year, officials in Nairo said.")
    for text, other in ((across_the_lake, "Kisuma"), (in_passing, "Tanzara")):
        toponyms = [*_at(text, "Kibra", "Nairo", other), _last(text, "Nairo")]
        assert isinstance(geocoder.resolve_all(toponyms, text=text)[0], Unresolved), text


def test_a_spelling_guess_in_the_articles_country_or_beside_a_town_stands() -> None:
    geocoder = _geocoder(SLUMS)
    text = "Police fired on protesters in Mathara on Monday. Officials in Nairo denied it."
    place = geocoder.resolve_all(_at(text, "Mathara", "Nairo"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "XK"
    # Named beside a town across the border in the same sentence, the guess is a place near it.
    text = "Police fired on protesters in Kibra and in Kisuma on Monday."
    place = geocoder.resolve_all(_at(text, "Kibra", "Kisuma"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "XT"


def test_a_named_part_of_a_place_the_gazetteer_lacks_lies_in_that_place(geocoder: Geocoder) -> None:
    text = "Two bombs went off in the Old City of Kabul, and Central Afghanistan saw clashes, Afghanistan's army said."
    old_city, centre, _ = geocoder.resolve_all(_at(text, "Old City of Kabul", "Central Afghanistan", "Afghanistan"),
                                                     text=text)
    assert isinstance(old_city, Place) and (old_city.name, old_city.iso2, old_city.geo_precision) == ("Old City of Kabul", "AF", 2)
    assert isinstance(centre, Place) and centre.iso2 == "AF" and centre.where_prec == 6


def test_a_place_the_gazetteer_lacks_still_lies_in_a_country(geocoder: Geocoder) -> None:
    text = "A bomber struck protesters in the eastern Afghan area of Zarghun Kalay. Police in Cairo said nothing."
    zarghun, cairo = geocoder.resolve_all(_at(text, "Zarghun Kalay", "Cairo"), text=text)
    assert isinstance(zarghun, Unresolved) and isinstance(cairo, Place)
    stated = geocoder.country_of(zarghun, [cairo], text)
    assert stated is not None and (stated.name, stated.iso2, stated.where_prec) == ("Zarghun Kalay", "AF", 6)
    other = "Gunmen stormed Zarghun Kalay at dawn, witnesses in Cairo said."
    (unknown, cairo) = geocoder.resolve_all(_at(other, "Zarghun Kalay", "Cairo"), text=other)
    assert geocoder.country_of(unknown, [cairo], other).iso2 == "EG"
    assert geocoder.country_of(unknown, [], other) is None


def test_spelling_guesses_support_each_other_only_in_one_part_of_their_country() -> None:
    # Lookalikes of names no package lists, in one country: two far apart, two near each other.
    east = replace(_c(30, "Calyn", "PPL", "XU", "PA", population=2_000, lat=40.0, lon=-75.6), score=0.8)
    west = replace(_c(31, "Sea Ranchi", "PPL", "XU", "CA", population=1_300, lat=38.7, lon=-123.4), score=0.8)
    near_west = replace(_c(32, "Sea Rancho", "PPL", "XU", "CA", population=900, lat=38.9, lon=-123.6), score=0.8)
    geocoder = _geocoder({"Ocalyn": [east], "Sharanchi": [west], "Sharancho": [near_west]})
    text = "Ocalyn's supporters said a drone struck a truck near Sharanchi."
    guesses = geocoder.resolve_all(_at(text, "Ocalyn", "Sharanchi"), text=text)
    assert all(isinstance(g, Unresolved) for g in guesses)
    text = "Drones struck Sharanchi and Sharancho on Monday."
    guesses = geocoder.resolve_all(_at(text, "Sharanchi", "Sharancho"), text=text)
    assert all(isinstance(g, Place) and g.iso2 == "XU" for g in guesses)
