"""Scoring principles: namesake towns, qualified names, lists, demonyms, named areas, unit centres."""

from __future__ import annotations

from dataclasses import replace

import pytest

from faultline.geo import Candidate, Geocoder, embedded
from faultline.geo.context import is_namesake
from faultline.geo.embedded import _Unit, embedded_data_stamp
from faultline.geo.resolver import DEMONYM
from faultline.model import Place, Toponym, Unresolved
from tests.geo.test_resolution_context import _at, _c, _FakeGazetteer

STATE = _c(1, "Calidonia", "ADM1", "US", "CD", population=30_000_000, lat=37.0, lon=-120.0)
STATE_TOWN = _c(2, "Calidonia", "PPL", "US", "MS", "Cole County", 4_000, 38.6, -92.5)
MISSISSIPPIAN = {
    "Calidonia": [STATE, STATE_TOWN],
    "Missora": [_c(3, "Missora", "ADM1", "US", "MS", population=6_000_000, lat=38.3, lon=-92.4)],
    "Jeffton": [_c(4, "Jeffton", "PPL", "US", "MS", "Boone County", 43_000, 39.0, -91.5)],  # 100 km off
}


def _geocoder(entries: dict[str, list[Candidate]], demonyms: dict[str, str] | None = None) -> Geocoder:
    return Geocoder(_FakeGazetteer(entries), demonyms=demonyms or {})  # type: ignore[arg-type]


def test_a_bare_state_name_beats_its_namesake_town_despite_nearby_places() -> None:
    text = "Officials in Jeffton, Missora said the recall began at a farm in Calidonia."
    place = _geocoder(MISSISSIPPIAN).resolve_all(_at(text, "Jeffton", "Missora", "Calidonia"), text=text)[2]
    assert isinstance(place, Place) and place.feature == "A.ADM1"


def test_a_namesake_town_qualified_by_its_state_is_the_town() -> None:
    text = "The festival in Calidonia, Missora drew crowds."
    place = _geocoder(MISSISSIPPIAN).resolve_all(_at(text, "Calidonia", "Missora"), text=text)[0]
    assert isinstance(place, Place) and place.feature == "P.PPL" and place.admin1 == "MS"
    assert (place.latitude, place.longitude) == (38.6, -92.5)


def test_a_list_of_peers_is_not_a_town_and_its_state() -> None:
    text = "Cases were found in Calidonia, Missora and Jeffton."
    place = _geocoder(MISSISSIPPIAN).resolve_all(_at(text, "Calidonia", "Missora", "Jeffton"), text=text)[0]
    assert isinstance(place, Place) and place.feature == "A.ADM1"


def test_which_towns_are_namesakes() -> None:
    geocoder = _geocoder({
        "Alexandra": [_c(10, "Alexandra", "ADM1", "EG", "06", population=5_000_000),
                      _c(11, "Alexandra", "PPL", "EG", "06", population=5_000_000),
                      _c(12, "Alexandra", "PPL", "US", "VA", population=150_000)],
        "Hanbury": [_c(20, "Hanbury", "ADM1", "JM", "02", population=26_000),
                    _c(21, "Hanbury", "PPL", "US", "PA", population=15_000)],
    })
    text = "Alexandra and Hanbury"
    alexandra, hanbury = (geocoder._mention(t, text) for t in _at(text, "Alexandra", "Hanbury"))
    # A unit named after its own city names the city first: the other Alexandra is no namesake.
    assert not any(is_namesake(c, alexandra) for c in alexandra.candidates)
    # A parish of 26,000 does not overshadow a town of 15,000.
    assert not is_namesake(hanbury.candidates[1], hanbury)
    calidonia = _geocoder(MISSISSIPPIAN)._mention(_at("Calidonia", "Calidonia")[0], "Calidonia")
    assert is_namesake(STATE_TOWN, calidonia) and not is_namesake(STATE, calidonia)


def test_a_named_island_beats_a_hamlet_of_its_name() -> None:
    island = Candidate(-100_001, "Javra", -7.5, 110.0, "T", "ISL", "ID", "", "", 0)
    hamlet = _c(30, "Javra", "PPL", "GE", "73", population=426, lat=42.4, lon=43.9)
    text = "Floods hit Javra on Monday."
    place = _geocoder({"Javra": [hamlet, island]}).resolve_all(_at(text, "Javra"), text=text)[0]
    assert isinstance(place, Place) and place.feature == "T.ISL" and place.geo_precision == 3


def test_a_demonym_is_unresolved_unless_asked_for_the_country(geocoder: Geocoder) -> None:
    text = "Afghan officials met on Monday."
    toponym = [Toponym("Afghan", 0, 6)]
    assert isinstance(geocoder.resolve_all(toponym, text=text)[0], Unresolved)
    place = geocoder.resolve_all(toponym, text=text, demonyms=True)[0]
    assert isinstance(place, Place) and place.iso2 == "AF" and place.feature == DEMONYM
    assert place.where_prec == 6


def test_unit_centre_drops_a_cluster_of_miscoded_cities_but_keeps_a_sparse_edge() -> None:
    unit = _Unit("Long North")
    for index in range(200):
        unit.add(42.0 + (index % 30) / 10, -80.0 - (index % 40) / 4, 1000)  # the crowded south
    for lat in (46.0, 47.5, 49.0, 50.5, 52.0):
        unit.add(lat, -85.0, 500)  # sparse towns up to the northern edge
    for lon in (20.0, 21.0, 22.0):
        unit.add(45.0, lon, 500)  # cities miscoded into the unit from another continent
    lat, lon = unit.centre()
    assert lat == pytest.approx(47.0, abs=0.1)
    assert -90.0 < lon < -80.0


def test_the_data_stamp_changes_with_the_build_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    before = embedded_data_stamp()
    monkeypatch.setattr(embedded, "BUILD_VERSION", embedded.BUILD_VERSION + 1)
    assert embedded_data_stamp() != before


def test_a_town_of_unknown_population_is_no_namesake_without_a_big_unit() -> None:
    hamlet = _c(40, "Tasel", "PPL", "SY", "06", population=0)
    mention = _geocoder({"Tasel": [hamlet]})._mention(_at("Tasel", "Tasel")[0], "Tasel")
    assert not is_namesake(hamlet, mention)


# "Sarnia" names a country; one small Sarnia lies in the Andor County of Indiana, one of nine Andor
# Counties. Hollis, in five states, has a reading in that county too, but is no county the article names.
_ANDORS = [("IN", 58_000), ("MO", 180_000), ("KY", 130_000), ("IA", 26_000), ("IL", 54_000),
           ("AR", 37_000), ("NE", 6_000), ("WV", 24_000), ("SC", 190_000)]
SARNIAN = {
    "Sarnia": [_c(50, "Sarnia", "PCLI", "SN", "", population=5_000_000, lat=33.9, lon=35.9),
               _c(51, "Sarnia", "PPL", "US", "IN", "Andor County", 15_000, 40.05, -86.47)],
    "Andor County": [_c(60 + i, "Andor County", "ADM2", "US", state, "Andor County", pop, 38.0 + i, -90.0 + i)
                     for i, (state, pop) in enumerate(_ANDORS)],
    "Hollis": [_c(70 + i, "Hollis", "PPL", "US", state, "Andor County", pop, 40.1 - i, -86.4 + i)
               for i, (state, pop) in enumerate(_ANDORS[:5])],
}


def test_a_namesake_town_in_a_county_the_article_names_is_the_town() -> None:
    text = "A Sarnia man was arrested by Andor County deputies on Monday."
    town, county = _geocoder(SARNIAN).resolve_all(_at(text, "Sarnia", "Andor County"), text=text)
    assert isinstance(town, Place) and (town.iso2, town.admin1) == ("US", "IN")
    assert isinstance(county, Place) and county.admin1 == "IN"


def test_a_town_sharing_a_county_without_naming_it_leaves_the_country() -> None:
    text = "A Sarnia man was arrested in Hollis on Monday."
    town = _geocoder(SARNIAN).resolve_all(_at(text, "Sarnia", "Hollis"), text=text)[0]
    assert isinstance(town, Place) and town.feature == "A.PCLI"
    alone = "Sarnia said on Monday."
    assert _geocoder(SARNIAN).resolve_all(_at(alone, "Sarnia"), text=alone)[0].feature == "A.PCLI"


def _read_as(name: str, readings: list[Candidate], text: str) -> Place:
    """The place one name of the text resolves to, among the given readings."""
    place = _geocoder({name: readings}).resolve_all(_at(text, name), text=text)[0]
    assert isinstance(place, Place)
    return place


def test_a_town_of_the_written_name_beats_a_town_that_only_has_it_among_its_names() -> None:
    own = _c(11, "Pittsborough", "PPL", "US", "PA", population=100_000)
    alias = _c(12, "Pittsboro", "PPL", "US", "CA", population=150_000)
    text = "Two men were shot in Pittsborough on Friday."
    assert _read_as("Pittsborough", [own, alias], text).admin1 == "PA"
    # A hamlet of the written name does not outweigh the city known by it ("Calcutta").
    assert _read_as("Pittsborough", [replace(own, population=2_000), alias], text).admin1 == "CA"


def test_a_city_bigger_than_a_same_name_province_abroad_is_what_the_name_means() -> None:
    parish = _c(21, "Manchesta", "ADM1", "JM", "05", population=190_000)
    city = _c(22, "Manchesta", "PPL", "GB", "ENG", population=550_000)
    text = "Three people were stabbed at a station in Manchesta."
    assert _read_as("Manchesta", [parish, city], text).iso2 == "GB"
    assert _read_as("Manchesta", [parish, replace(city, population=90_000)], text).iso2 == "JM"
