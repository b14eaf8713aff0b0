"""Name fit, shared-admin-unit support, country points and unit centres."""

from __future__ import annotations

import spacy

from faultline.geo import Candidate, Gazetteer, Geocoder, find_toponyms
from faultline.geo.context import name_fit
from faultline.geo.embedded import _country_info, _Unit, load_country_points
from faultline.geo.names import norm_key
from faultline.model import Place, Toponym


def _at(text: str, *names: str) -> list[Toponym]:
    return [Toponym(name, text.index(name), text.index(name) + len(name)) for name in names]


def _c(gid: int, name: str, fcode: str, country: str, admin1: str, admin2: str = "", population: int = 0,
       lat: float = 0.0, lon: float = 0.0) -> Candidate:
    fclass = "P" if fcode.startswith("PPL") else "A"
    return Candidate(gid, name, lat, lon, fclass, fcode, country, admin1, admin2, population)


class _FakeGazetteer:
    """Just enough gazetteer for the geocoder: fixed candidates per name."""

    def __init__(self, entries: dict[str, list[Candidate]]) -> None:
        self.entries = {norm_key(name): found for name, found in entries.items()}

    def lookup(self, name: str, *, limit: int = 200, exact: bool = False) -> tuple[Candidate, ...]:
        return tuple(c for c in self.entries.get(norm_key(name), ()) if c.score == 1.0 or not exact)

    def country(self, iso2: str) -> None:
        return None

    def admin_name(self, country: str, admin1: str, admin2: str = "") -> str:
        return admin1


def test_a_name_without_city_is_not_the_city_named_after_it(geocoder: Geocoder) -> None:
    text = "Storms hit Kansas and New York on Monday."
    kansas, new_york = geocoder.resolve_all(_at(text, "Kansas", "New York"), text=text)
    assert isinstance(kansas, Place) and kansas.feature == "A.ADM1"
    assert isinstance(new_york, Place) and new_york.feature == "A.ADM1"
    city = "Police in Kansas City said two men were shot."
    place = geocoder.resolve_all(_at(city, "Kansas City"), text=city)[0]
    assert isinstance(place, Place) and place.feature.startswith("P.")


def test_name_fit_penalises_odd_alternate_names_only() -> None:
    brooklyn = _c(1, "Brooklyn", "PPL", "US", "OH", population=10000)
    khorugh = _c(2, "Khorugh", "PPLA", "TJ", "01", population=30000)
    assert name_fit(brooklyn, "Ohio") < 0
    assert name_fit(khorugh, "Khorog") == 0.0
    assert name_fit(_c(3, "United States", "PCLI", "US", ""), "U.S.") == 0.0


def test_names_sharing_one_county_pull_each_other_there() -> None:
    entries = {
        "Paris": [_c(10, "Paris", "PPLC", "FR", "11", "Paris", 2_000_000, 48.85, 2.35),
                  _c(11, "Paris", "PPL", "US", "TX", "Lamar County", 25_000, 33.66, -95.56),
                  _c(12, "Paris", "PPL", "US", "TN", "Henry County", 10_000, 36.30, -88.33)],
        "Henry County": [_c(20, "Henry County", "ADM2", "US", "GA", "Henry County", 200_000, 33.45, -84.15),
                         _c(21, "Henry County", "ADM2", "US", "IN", "Henry County", 48_000, 39.93, -85.40),
                         _c(22, "Henry County", "ADM2", "US", "TN", "Henry County", 32_000, 36.33, -88.30)],
    }
    geocoder = Geocoder(_FakeGazetteer(entries), demonyms={})  # type: ignore[arg-type]
    text = "Paris police said the Henry County sheriff joined the search."
    paris, county = geocoder.resolve_all(_at(text, "Paris", "Henry County"), text=text)
    assert isinstance(paris, Place) and (paris.iso2, paris.admin1) == ("US", "TN")
    assert isinstance(county, Place) and county.admin1 == "TN"
    alone = "Paris police said the search went on."
    assert geocoder.resolve_all(_at(alone, "Paris"), text=alone)[0].iso2 == "FR"


def test_country_points_are_geonames_references(gazetteer: Gazetteer) -> None:
    points = load_country_points()
    assert points["US"] == (39.76, -98.5)
    us = gazetteer.country("US")
    assert us is not None and (us.latitude, us.longitude) == points["US"]
    assert _country_info().get("GB", {}).get("name") != "Wales"  # England, Scotland, Wales share code GB


def test_unit_centre_is_the_middle_of_its_extent_not_its_crowd() -> None:
    unit = _Unit("Crowded West")
    for _ in range(60):
        unit.add(10.0, 0.0, 1000)
    for lon in range(1, 41):
        unit.add(10.0, float(lon) / 4, 100)
    unit.add(10.0, 170.0, 10)  # a far island
    unit.add(10.0, 171.0, 10)
    lat, lon = unit.centre()
    assert lat == 10.0 and 4.5 <= lon <= 5.5


def test_direction_of_a_place_is_found_without_ner(gazetteer: Gazetteer) -> None:
    text = "Warplanes struck the village of Kafr Hamra north of Kandahar yesterday."
    found = [t.text for t in find_toponyms(spacy.blank("en")(text), 0, gazetteer, demonyms={})]
    assert "Kandahar" in found and "Kafr Hamra" in found


def test_a_village_found_only_in_a_country_the_story_never_places_anything_in_is_left_unresolved() -> None:
    entries = {
        "Mopti": [_c(20, "Mopti", "PPLA", "ML", "MO", population=120_000, lat=14.5, lon=-4.2)],
        "Wanzara": [_c(21, "Wanzara", "PPL", "CI", "WO", population=1_200, lat=8.1, lon=-7.6)],
        "Kalao": [_c(22, "Kalao", "PPL", "ML", "MO", population=1_500, lat=14.2, lon=-3.9)],
    }
    geocoder = Geocoder(_FakeGazetteer(entries), demonyms={})  # type: ignore[arg-type]
    text = "Gunmen attacked Kalao near Mopti. Soldiers pursued them to the village of Wanzara."
    kalao, _, wanzara = geocoder.resolve_all(_at(text, "Kalao", "Mopti", "Wanzara"), text=text)
    assert isinstance(kalao, Place) and kalao.iso2 == "ML"
    assert not isinstance(wanzara, Place)
    alone = "Soldiers pursued the gunmen to the village of Wanzara."
    assert geocoder.resolve_all(_at(alone, "Wanzara"), text=alone)[0].iso2 == "CI"
