"""Hand-made regions and seas against small towns of the same name; data-file aliases and features."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from faultline.geo import Candidate, Gazetteer, Geocoder
from faultline.geo.embedded import DATA_DIR, build_default_index
from faultline.model import Place, Toponym


class _Stub:
    """A gazetteer that knows one name: a sea (no population) and a village sharing its name."""

    def __init__(self, *candidates: Candidate) -> None:
        self.candidates = candidates

    def lookup(self, name: str, *, limit: int = 200, exact: bool = False) -> tuple[Candidate, ...]:
        found = self.candidates if name == self.candidates[0].name else ()
        return tuple(c for c in found if c.score == 1.0 or not exact)

    def country(self, iso2: str) -> None:
        return None

    def admin_name(self, country: str, admin1: str, admin2: str = "") -> None:
        return None


def test_a_named_sea_beats_a_village_of_the_same_name() -> None:
    sea = Candidate(-1, "Coral Reach", -15.0, 150.0, "H", "SEA", "", "", "", 0)
    village = Candidate(7, "Coral Reach", 38.0, -90.0, "P", "PPL", "US", "MO", "", 7000)
    geocoder = Geocoder(_Stub(sea, village), demonyms={})  # type: ignore[arg-type]
    text = "Storms churned across the Coral Reach for days."
    start = text.index("Coral Reach")
    place = geocoder.resolve_all([Toponym("Coral Reach", start, start + 11)], text=text)[0]
    assert isinstance(place, Place) and place.feature == "H.SEA"


def test_features_file_has_the_americas_and_the_oceans() -> None:
    with (DATA_DIR / "features.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    assert rows["Americas"]["fcode"] == "RGN"
    assert "Pacific" in rows["Pacific Ocean"]["aliases"].split(";")


@pytest.fixture(scope="module")
def australia(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path: Path = tmp_path_factory.mktemp("au") / "au.sqlite"
    build_default_index(path, countries=("AU",), min_population=15000)
    return Gazetteer(path)


def test_state_abbreviations_name_the_state(australia: Gazetteer) -> None:
    for short, state in (("NSW", "New South Wales"), ("Qld", "Queensland")):
        units = [c for c in australia.lookup(short) if c.score == 1.0 and c.fcode == "ADM1"]
        assert [c.name for c in units] == [state]
