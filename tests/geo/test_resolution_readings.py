"""Which reading a written name has: another spelling or only another listed name, its own full name, a unit's word."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text
from faultline.geo import Candidate, Geocoder
from faultline.model import Place, Toponym, Unresolved
from tests.geo.test_resolution_context import _at, _c, _FakeGazetteer

MALI = {
    "Bamako": [_c(1, "Bamako", "PPLC", "ML", "08", population=1_800_000, lat=12.65, lon=-8.0)],
    "Mopti": [_c(2, "Mopti", "ADM1", "ML", "04", population=2_000_000, lat=14.5, lon=-4.2)],
    # A German city GeoNames also lists as "Boni"; the Malian village of that name it lacks.
    "Boni": [_c(3, "Bonn", "PPL", "DE", "07", population=330_000, lat=50.7, lon=7.1)],
    # Ar Raqqah written the way news writes it.
    "Raqqa": [_c(4, "Ar Raqqah", "PPL", "SY", "04", population=530_000, lat=35.95, lon=39.0)],
    "Gaziantep": [_c(5, "Gaziantep", "PPL", "TR", "83", population=1_000_000, lat=37.06, lon=37.38)],
    "Ankara": [_c(6, "Ankara", "PPLC", "TR", "68", population=3_500_000, lat=39.9, lon=32.85)],
}


class _UnitGazetteer(_FakeGazetteer):
    """The fake gazetteer, also answering which first-order unit a code names."""

    def __init__(self, entries: dict[str, list[Candidate]], units: list[Candidate]) -> None:
        super().__init__(entries)
        self.units = {(u.country, u.admin1): u for u in units}

    def admin_unit(self, country: str, admin1: str, admin2: str = "") -> Candidate | None:
        return self.units.get((country, admin1))


def _geocoder(entries: dict[str, list[Candidate]], units: list[Candidate] = ()) -> Geocoder:
    return Geocoder(_UnitGazetteer(entries, list(units)), demonyms={})  # type: ignore[arg-type]


def test_a_town_found_only_through_another_of_its_names_abroad_is_a_guess() -> None:
    text = "Seven soldiers were killed near Boni on Monday, officials in Bamako and Mopti said."
    boni, bamako, mopti = _geocoder(MALI).resolve_all(_at(text, "Boni", "Bamako", "Mopti"), text=text)
    assert isinstance(boni, Unresolved)  # a Malian village the gazetteer lacks, not Bonn
    assert isinstance(bamako, Place) and isinstance(mopti, Place)


def test_a_town_spelt_otherwise_abroad_is_still_the_town() -> None:
    text = "The offensive came days after a bombing in Gaziantep and talks in Ankara about Raqqa."
    raqqa = _geocoder(MALI).resolve_all(_at(text, "Gaziantep", "Ankara", "Raqqa"), text=text)[2]
    assert isinstance(raqqa, Place) and raqqa.name == "Ar Raqqah"


def test_a_region_named_after_its_town_in_another_spelling_is_the_unit() -> None:
    oblast = _c(10, "Odessa", "ADM1", "UA", "17", population=2_400_000, lat=46.5, lon=30.0)
    city = _c(11, "Odesa", "PPLA", "UA", "17", population=1_000_000, lat=46.48, lon=30.73)
    town = _c(12, "Ruska", "PPL", "XR", "05", population=40_000, lat=50.0, lon=60.0)
    geocoder = _geocoder({"Odesa": [city], "Ruska": [town]}, units=[oblast])
    text = "A drone hit port facilities in the Odesa region overnight."
    place = geocoder.resolve_all(_at(text, "Odesa region"), text=text)[0]
    assert isinstance(place, Place) and place.feature == "A.ADM1" and place.geo_precision == 3
    text = "Drones hit the Odesa port overnight."
    assert geocoder.resolve_all(_at(text, "Odesa"), text=text)[0].feature.startswith("P.")
    # "the Ruska region" around a town whose unit is no spelling of it: the town, coarsely
    text = "Fighting spread across the Ruska region."
    place = geocoder.resolve_all(_at(text, "Ruska region"), text=text)[0]
    assert isinstance(place, Place) and place.name == "Ruska region" and place.geo_precision == 2


def test_a_territory_named_after_its_town_is_the_town_coarsely() -> None:
    beni = _c(20, "Beni", "PPL", "CD", "11", population=230_000, lat=0.49, lon=29.47)
    text = "Rebels killed 17 civilians in two villages of Beni territory on Saturday."
    place = _geocoder({"Beni": [beni]}).resolve_all(_at(text, "Beni territory"), text=text)[0]
    assert isinstance(place, Place) and place.latitude == beni.latitude and place.geo_precision == 2


def test_a_city_known_by_its_own_full_name_keeps_the_word_city(geocoder: Geocoder) -> None:
    # The folded keys of "Boulder City" and "Boulder" agree ("city" is a generic word); the hint
    # "city" must not strip the word from the Nevada city's own name.
    text = "Floodwater closed roads in Boulder City on Monday."
    written = Toponym("Boulder City", text.index("Boulder"), text.index(" on"), label="city")  # as recognised
    place = geocoder.resolve_all([written], text=text)[0]
    assert isinstance(place, Place) and place.name == "Boulder City" and place.admin1 == "Nevada"


def test_a_country_the_model_reads_as_an_organisation_or_a_person_is_still_the_country() -> None:
    published = dt.date(2026, 9, 15)
    (attack,) = extract_text("Rebels kill 12 DR Congo villagers in Beni", published=published)
    assert attack.country == "Democratic Republic of Congo" and attack.location == "Beni"


def test_a_district_named_after_a_town_abroad_is_no_town_there_anywhere_in_the_story() -> None:
    entries = {
        "Sagaing": [_c(40, "Sagaing Region", "ADM1", "MM", "08", population=5_000_000, lat=22.0, lon=95.5)],
        "Myanmar": [_c(41, "Myanmar", "PCLI", "MM", "", population=54_000_000, lat=21.0, lon=96.0)],
        "Kani": [_c(42, "Kani", "PPL", "JP", "13", population=100_000, lat=35.4, lon=137.06)],
    }
    text = "Fighters overran a post in Kani township of Myanmar's Sagaing region. The army did not comment on Kani."
    toponyms = _at(text, "Kani township", "Myanmar", "Sagaing")
    toponyms.append(Toponym("Kani", text.rindex("Kani"), text.rindex("Kani") + 4))
    township, _, _, again = _geocoder(entries).resolve_all(toponyms, text=text)
    assert not (isinstance(township, Place) and township.iso2 == "JP")
    assert not (isinstance(again, Place) and again.iso2 == "JP")


def test_a_village_is_no_city_listed_under_its_name() -> None:
    city = _c(50, "Qinzhou", "PPL", "CN", "16", population=1_300_000, lat=21.95, lon=108.6)
    text = "Jets bombed a Chin village on Monday."
    written = Toponym("Chin village", text.index("Chin"), text.index(" on"), label="village")
    assert isinstance(_geocoder({"Chin": [city]}).resolve_all([written], text=text)[0], Unresolved)


def test_a_river_is_no_point_where_something_happened() -> None:
    river = Candidate(60, "Danube", 45.2, 29.6, "H", "STM", "", "", "", 0)
    text = "A drone hit port facilities on the Danube River overnight."
    place = _geocoder({"Danube": [river], "Danube River": [river]}).resolve_all(_at(text, "Danube River"), text=text)[0]
    assert isinstance(place, Place) and place.geo_precision == 3
