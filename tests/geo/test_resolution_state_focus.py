"""State focus: a town named after a big unit abroad is the local town when the story stays in its state."""

from __future__ import annotations

from faultline.geo import Candidate, Geocoder
from faultline.model import Place
from tests.geo.test_resolution_context import _at, _c, _FakeGazetteer

# A country abroad and the small town in the state of Okarro named after it.
COUNTRY = _c(1, "Vestmark", "PCLI", "XV", "", population=5_000_000, lat=55.0, lon=20.0)
TOWN = _c(2, "Vestmark", "PPL", "US", "OK", "Elk County", 15_000, 36.5, -99.5)
ENTRIES: dict[str, list[Candidate]] = {
    "Vestmark": [COUNTRY, TOWN],
    "Okarro": [_c(3, "Okarro", "ADM1", "US", "OK", population=4_000_000, lat=35.5, lon=-97.5)],
    "Dunmere": [_c(4, "Dunmere", "PPL", "US", "OK", "Pine County", 40_000, 35.3, -97.0)],
    "Semora": [_c(5, "Semora", "ADM1", "US", "SM", population=3_000_000, lat=41.0, lon=-80.0)],
    "Lindale": [_c(6, "Lindale", "PPL", "US", "SM", "Hill County", 30_000, 41.2, -80.3)],
    "Halvik": [_c(7, "Halvik", "PPLA", "XV", "02", population=200_000, lat=55.5, lon=21.0)],
    # A state of the town's own country, with a small namesake town in Okarro.
    "Dakara": [_c(8, "Dakara", "ADM1", "US", "DK", population=2_000_000, lat=44.0, lon=-100.0),
               _c(9, "Dakara", "PPL", "US", "OK", "Elk County", 3_000, 36.6, -99.4)],
}


def _resolve(text: str, *names: str) -> list:
    geocoder = Geocoder(_FakeGazetteer(ENTRIES), demonyms={})  # type: ignore[arg-type]
    return geocoder.resolve_all(_at(text, *names), text=text)


def test_a_country_namesake_in_a_story_about_one_state_is_the_local_town() -> None:
    text = "Crews from Dunmere, Okarro, were called when the barn fire in Vestmark spread."
    place = _resolve(text, "Dunmere", "Okarro", "Vestmark")[2]
    assert isinstance(place, Place) and place.feature == "P.PPL" and place.admin1 == "OK"


def test_the_country_stays_when_the_story_also_names_places_abroad() -> None:
    text = "Crews from Dunmere, Okarro, flew to Halvik after the storm hit Vestmark."
    place = _resolve(text, "Dunmere", "Okarro", "Halvik", "Vestmark")[3]
    assert isinstance(place, Place) and place.feature == "A.PCLI"


def test_the_country_stays_in_a_story_about_another_state() -> None:
    text = "Farmers in Lindale, Semora, sell most of their grain to Vestmark."
    place = _resolve(text, "Lindale", "Semora", "Vestmark")[2]
    assert isinstance(place, Place) and place.feature == "A.PCLI"


def test_a_state_of_the_towns_own_country_keeps_its_name() -> None:
    text = "Crews from Dunmere, Okarro, were sent on to Dakara after the floods."
    place = _resolve(text, "Dunmere", "Okarro", "Dakara")[2]
    assert isinstance(place, Place) and place.feature == "A.ADM1" and place.latitude == 44.0
