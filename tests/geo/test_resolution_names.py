"""How the words around a name pick its reading: "X state", lists of peers, compass parts, short forms."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from faultline.geo import Candidate, Gazetteer, Geocoder
from faultline.geo.embedded import build_default_index
from faultline.geo.name_words import LANDMARK
from faultline.model import Place, Toponym, Unresolved
from tests.geo.test_resolution_context import _at, _c, _FakeGazetteer

# Invented places: a capital and a state sharing a name, two more states and a county seat.
HARLOW_CITY = _c(1, "Harlow", "PPLC", "US", "DC", population=700_000, lat=38.9, lon=-77.0)
HARLOW_STATE = _c(2, "Harlow", "ADM1", "US", "WA", population=7_000_000, lat=47.3, lon=-120.8)
PLACES = {
    "Harlow": [HARLOW_STATE, HARLOW_CITY],
    "Orlen": [_c(3, "Orlen", "ADM1", "US", "OR", population=4_000_000, lat=44.0, lon=-120.5)],
    "Idara": [_c(4, "Idara", "ADM1", "US", "ID", population=1_800_000, lat=45.0, lon=-114.0)],
    "Brenton": [_c(5, "Brenton", "PPL", "US", "OH", "Brenton County", 40_000, 39.4, -84.5),
                _c(6, "Brenton County", "ADM2", "US", "OH", "Brenton County", 80_000, 39.45, -84.57)],
    "Clarke": [_c(7, "Clarke", "PPL", "US", "OH", "Clarke County", 30_000, 39.9, -83.8),
               _c(8, "Clarke County", "ADM2", "US", "OH", "Clarke County", 60_000, 39.92, -83.78)],
}


def _last(text: str, name: str) -> Toponym:
    start = text.rindex(name)
    return Toponym(name, start, start + len(name))


def _geocoder(entries: dict[str, list[Candidate]]) -> Geocoder:
    return Geocoder(_FakeGazetteer(entries), demonyms={})  # type: ignore[arg-type]


def test_a_name_followed_by_state_is_the_state() -> None:
    text = "A cow from a Harlow state farm tested positive."
    place = _geocoder(PLACES).resolve_all(_at(text, "Harlow"), text=text)[0]
    assert isinstance(place, Place) and place.feature == "A.ADM1"


def test_a_state_written_in_another_spelling_or_as_one_name_is_the_state() -> None:
    # "Kordan" is how news spells the state GeoNames calls "Qordan"; its capital bears the news spelling.
    state = _c(20, "Qordan", "ADM1", "SD", "58", population=1_500_000, lat=13.2, lon=33.9)
    city = _c(21, "Kordan", "PPLA", "SD", "58", population=130_000, lat=13.5, lon=33.6)
    geocoder = _geocoder({"Kordan": [city, state], "Kordan State": [city, state]})
    for text, name in (("Fighters seized a town in Kordan state on Monday.", "Kordan"),
                       ("Fighting spread to Kordan State on Monday.", "Kordan State")):
        place = geocoder.resolve_all(_at(text, name), text=text)[0]
        assert isinstance(place, Place) and place.feature == "A.ADM1", text


def test_a_state_college_or_a_bare_name_is_not_the_state_cue() -> None:
    geocoder = _geocoder(PLACES)
    for text in ("Officials in Harlow met on Monday.", "She teaches at Harlow State University."):
        place = geocoder.resolve_all(_at(text, "Harlow"), text=text)[0]
        assert isinstance(place, Place) and place.feature == "P.PPLC", text


def test_a_list_member_takes_the_kind_of_its_peers() -> None:
    text = "Cases were confirmed in Orlen, Harlow and Idara."
    place = _geocoder(PLACES).resolve_all(_at(text, "Orlen", "Harlow", "Idara"), text=text)[1]
    assert isinstance(place, Place) and place.feature == "A.ADM1"


def test_peers_in_another_country_say_nothing_of_the_kind() -> None:
    entries = {**PLACES, "Long Cay": [_c(10, "Long Cay", "ADM1", "BS", "15", population=1_700, lat=23.0, lon=-75.0),
                                      _c(11, "Long Cay", "PPL", "US", "NY", population=25_000, lat=40.7, lon=-73.9)]}
    text = "People fell ill in Long Cay, Orlen and Idara."
    place = _geocoder(entries).resolve_all(_at(text, "Long Cay", "Orlen", "Idara"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "US"


def test_a_plural_after_a_list_names_what_its_members_are() -> None:
    text = "Residents of Brenton or Clarke counties may apply."
    places = _geocoder(PLACES).resolve_all(_at(text, "Brenton", "Clarke"), text=text)
    assert all(isinstance(p, Place) and p.feature == "A.ADM2" for p in places)
    bare = "Residents of Brenton or Clarke may apply."
    places = _geocoder(PLACES).resolve_all(_at(bare, "Brenton", "Clarke"), text=bare)
    assert all(isinstance(p, Place) and p.feature == "P.PPL" for p in places)


def test_a_compass_part_of_a_known_place_is_placed_as_written_at_that_place() -> None:
    entries = {"Dalmore": [_c(20, "Dalmore", "PPL", "US", "TX", population=1_300_000, lat=32.8, lon=-96.8)],
               "Texara": [_c(21, "Texara", "ADM1", "US", "TX", population=29_000_000)]}
    text = "Storms flooded North Dalmore overnight, officials in Texara said."
    place = _geocoder(entries).resolve_all(_at(text, "North Dalmore", "Texara"), text=text)[0]
    assert isinstance(place, Place) and place.name == "North Dalmore"
    assert (place.latitude, place.longitude) == (32.8, -96.8) and place.where_prec == 2


def test_a_compass_part_of_a_place_the_text_never_supports_stays_unresolved() -> None:
    entries = {"Sidra": [_c(30, "Sidra", "PPL", "TR", "07", population=14_000, lat=36.8, lon=31.4)],
               "Ohlan": [_c(31, "Ohlan", "ADM1", "US", "OH", population=11_000_000)]}
    text = "Crime fell on the West Sidra of the city, police in Ohlan said."
    place = _geocoder(entries).resolve_all(_at(text, "West Sidra", "Ohlan"), text=text)[0]
    assert isinstance(place, Unresolved)


def test_a_bare_name_follows_its_qualified_mention() -> None:
    entries = {"Brookvale": [_c(40, "Brookvale", "PPL", "US", "NY", "Kings County", 2_700_000, 40.65, -73.95),
                             _c(41, "Brookvale", "PPL", "US", "OH", "Cuyahoga County", 11_000, 41.4, -81.7)],
               "Newland": [_c(42, "Newland", "ADM1", "US", "NY", population=19_000_000, lat=42.8, lon=-75.8)],
               "Ohlan": [_c(43, "Ohlan", "ADM1", "US", "OH", population=11_000_000, lat=40.3, lon=-82.8)],
               "Marten": [_c(44, "Marten", "PPL", "US", "OH", "Cuyahoga County", 36_000, 40.6, -83.1)]}
    text = ("Funeral homes across Brookvale, Newland were searched. The firm also served Marten, Ohlan. "
            "Prosecutors in Brookvale filed charges.")
    toponyms = [*_at(text, "Brookvale", "Newland", "Marten", "Ohlan"), _last(text, "Brookvale")]
    places = _geocoder(entries).resolve_all(toponyms, text=text)
    assert isinstance(places[0], Place) and isinstance(places[-1], Place)
    assert places[0].admin1 == places[-1].admin1 == "NY"


def test_a_short_form_means_the_place_written_in_full() -> None:
    small = _c(50, "Republic of Kandu", "PCLI", "KR", "", population=5_000_000, lat=-1.0, lon=15.0)
    large = _c(51, "Democratic Republic of Kandu", "PCLI", "KD", "", population=90_000_000, lat=-2.5, lon=23.5)
    entries = {"Kandu": [large, small], "Republic of Kandu": [small], "Democratic Republic of Kandu": [large],
               "Mbandi": [_c(52, "Mbandi", "PPL", "KD", "01", population=40_000, lat=-1.5, lon=18.0)],
               "Lutu": [_c(53, "Lutu", "PPL", "KD", "01", population=30_000, lat=-1.8, lon=18.3)]}
    # The larger country is named as often (its towns across the border), but "Kandu" abbreviates the other.
    text = ("An outbreak hit the Republic of Kandu this week, after cases in Mbandi and Lutu across the border. "
            "The government of Kandu asked for help.")
    toponyms = [*_at(text, "Republic of Kandu", "Mbandi", "Lutu"), _last(text, "Kandu")]
    place = _geocoder(entries).resolve_all(toponyms, text=text)[-1]
    assert isinstance(place, Place) and place.iso2 == "KR"
    bare = "The government of Kandu asked for help."
    place = _geocoder(entries).resolve_all(_at(bare, "Kandu"), text=bare)[0]
    assert isinstance(place, Place) and place.iso2 == "KD"  # alone: the larger namesake


@pytest.fixture(scope="module")
def east_africa(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("ea") / "ea.sqlite"
    build_default_index(path, countries=("KE", "RW", "SD", "CD", "CG", "DK"), min_population=15000)
    return Gazetteer(path)


def test_former_provinces_and_old_unit_names_are_in_the_gazetteer(east_africa: Gazetteer) -> None:
    def found(name: str) -> set[tuple[str, str]]:
        return {(c.country, c.fcode) for c in east_africa.lookup(name) if c.score == 1.0}

    assert ("KE", "ADM1H") in found("Rift Valley Province")
    assert ("KE", "ADM1H") in found("Nyanza")
    assert ("SD", "ADM1") in found("South Darfur")
    assert ("DK", "ADM1") in found("Mid-Jutland")
    assert {("CD", "PCLI"), ("CG", "PCLI")} <= found("Congo")


def test_a_former_province_follows_its_country_and_a_town_of_its_name_stays_elsewhere(east_africa: Gazetteer) -> None:
    geocoder = Geocoder(east_africa, demonyms={"kenyan": "KE", "rwandan": "RW"})
    text = "Kenyan officials said floods hit Nyanza and Kisumu after heavy rain in Kenya."
    place = geocoder.resolve_all(_at(text, "Nyanza", "Kisumu", "Kenya"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "KE" and place.geo_precision == 3
    text = "Rwandan officials said the road to Nyanza reopened, officials in Kigali said."
    place = geocoder.resolve_all(_at(text, "Nyanza", "Kigali"), text=text)[0]
    assert isinstance(place, Place) and place.iso2 == "RW"


def test_a_weak_reading_is_no_context_for_other_names() -> None:
    entries = {
        "Dunmore": [_c(60, "Dunmore", "PPL", "GB", "SCT", "Dunmore City", 190_000, 57.1, -2.1),
                    _c(61, "Dunmore", "PPL", "US", "MA", "Selby County", 5_000, 42.5, -71.0)],
        "Selby": [_c(62, "Selby County", "ADM2", "US", "MA", "Selby County", 2_000_000, 42.3, -71.1),
                  _c(63, "Selby", "ADM2", "GB", "ENG", "Selby", 580_000, 52.2, 1.0)],
        "UK": [_c(64, "United Kingdom", "PCLI", "GB", "", population=66_000_000, lat=54.8, lon=-2.7)],
    }
    text = "Scientists at Dunmore University said the strain had reached Selby. UK officials agreed."
    toponyms = [Toponym("Dunmore University", text.index("Dunmore"), text.index("Dunmore") + 18, label=LANDMARK),
                *_at(text, "Selby", "UK")]
    university, selby, _ = _geocoder(entries).resolve_all(toponyms, text=text)
    assert isinstance(selby, Place) and selby.iso2 == "GB"
    assert isinstance(university, Place) and university.iso2 == "GB"


def test_a_feature_known_only_with_its_feature_word_keeps_it() -> None:
    entries = {"Kessel Valley": [Candidate(70, "Kessel Valley Province", 1.0, 36.0, "A", "ADM1H", "KE", "", "", 0)],
               "Dorran": [_c(71, "Dorran", "ADM2", "PK", "02", "Dorran", 2_300_000, 35.2, 72.4)]}
    text = "Floods hit the Kessel Valley and the Dorran Valley."
    kessel, dorran = _geocoder(entries).resolve_all(_at(text, "Kessel Valley", "Dorran Valley"), text=text)
    assert isinstance(kessel, Place) and kessel.feature == "A.ADM1H" and kessel.geo_precision == 3
    assert isinstance(dorran, Place) and dorran.feature == "A.ADM2"  # known as "Dorran": the valley's district


def test_a_close_spelling_of_a_long_unit_name_needs_no_support_but_of_a_town_does() -> None:
    unit = _c(40, "Upper Wadeeli", "ADM1", "SO", "14", population=1_200_000, lat=1.9, lon=44.6)
    town = _c(41, "Marrabooni", "PPL", "SO", "14", population=20_000, lat=2.1, lon=44.9)
    entries = {"Upper Wadeli": [replace(unit, score=0.96)], "Marraboni": [replace(town, score=0.95)]}
    for text, name, expected in (("Fighting was reported in Upper Wadeli on Sunday.", "Upper Wadeli", unit),
                                 ("Fighting was reported in Marraboni on Sunday.", "Marraboni", None)):
        place = _geocoder(entries).resolve_all(_at(text, name), text=text)[0]
        if expected is None:
            assert isinstance(place, Unresolved)
        else:
            assert isinstance(place, Place) and place.geonameid == expected.geonameid


def test_a_bare_name_of_a_unit_named_after_its_seat_is_the_seat_spelt_otherwise() -> None:
    # News writes "Qedaref" for the state and its seat; GeoNames spells the seat "Al Qadarif" and lists
    # "Qedaref" among its other names. "Rulla" is also listed as another name of Varnik, the largest
    # town of Rulla state, but is no spelling of Varnik: the bare name stays the state.
    state = _c(30, "Qedaref", "ADM1", "SD", "39", population=2_000_000, lat=14.0, lon=35.4)
    seat = _c(31, "Al Qadarif", "PPLA", "SD", "39", population=360_000, lat=14.03, lon=35.38)
    rulla = _c(32, "Rulla", "ADM1", "US", "AK", population=700_000, lat=64.0, lon=-150.0)
    varnik = _c(33, "Varnik", "PPL", "US", "AK", population=290_000, lat=61.2, lon=-149.9)
    geocoder = _geocoder({"Qedaref": [state, seat], "Qedaref state": [state, seat], "Rulla": [rulla, varnik]})
    text = "Fighters shelled Qedaref on Monday."
    assert geocoder.resolve_all(_at(text, "Qedaref"), text=text)[0].name == "Al Qadarif"
    text = "Fighters shelled towns in Qedaref state on Monday."
    assert geocoder.resolve_all(_at(text, "Qedaref"), text=text)[0].feature == "A.ADM1"
    text = "Storms hit Rulla on Monday."
    assert geocoder.resolve_all(_at(text, "Rulla"), text=text)[0].feature == "A.ADM1"


def test_a_great_citys_exonym_is_the_city_before_the_region_named_after_it() -> None:
    # "Oldmark" is what the news calls both the city GeoNames names "Umm Qaryat" and the region around it.
    region = _c(30, "Oldmark Region", "ADM1", "SA", "14", population=7_300_000, lat=21.5, lon=40.5)
    city = _c(31, "Umm Qaryat", "PPL", "SA", "14", population=1_500_000, lat=21.4, lon=39.8)
    text = "Pilgrims crowded the streets of Oldmark on Friday."
    place = _geocoder({"Oldmark": [region, city]}).resolve_all(_at(text, "Oldmark"), text=text)[0]
    assert isinstance(place, Place) and place.name == "Umm Qaryat"
