"""The embedded gazetteer: built from packages, atomically, and fast to open."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from faultline.config import Settings
from faultline.errors import GazetteerError
from faultline.geo import Gazetteer, embedded, haversine_km, load_gazetteer
from faultline.geo.embedded import (
    TOWN_COINCIDENCE_KM,
    build_default_index,
    load_state_points,
)


def test_small_build_has_places_admin_units_and_countries(gazetteer: Gazetteer) -> None:
    khorugh = [c for c in gazetteer.lookup("Khorugh") if c.fclass == "P"]
    assert khorugh and khorugh[0].country == "TJ"
    assert gazetteer.admin_name("TJ", khorugh[0].admin1) == "Gorno-Badakhshan"
    unit = gazetteer.admin_unit("AF", "01")
    assert unit is not None and unit.name == "Badakhshan" and 35 < unit.latitude < 39 and 69 < unit.longitude < 75
    country = gazetteer.country("TJ")
    assert country is not None and country.numeric == 762 and country.region == "Caucasus and Central Asia"
    assert gazetteer.country("AF").region == "South Asia"
    assert 36 < country.latitude < 41 and 67 < country.longitude < 75
    assert "FR" not in gazetteer.countries()


def test_admin1_aliases_from_data_file(gazetteer: Gazetteer) -> None:
    badakhshan = {(c.country, c.fcode) for c in gazetteer.lookup("Badakhshan") if c.score == 1.0}
    assert {("AF", "ADM1"), ("TJ", "ADM1")} <= badakhshan
    assert any(c.fcode == "ADM1" and c.admin1 == "KY" for c in gazetteer.lookup("Ky."))


def _state(gazetteer: Gazetteer, name: str):
    return next(c for c in gazetteer.lookup(name) if c.fcode == "ADM1" and c.name == name)


def test_a_state_is_placed_at_its_published_point(gazetteer: Gazetteer) -> None:
    published = load_state_points()
    for name in ("Virginia", "Alaska", "Badakhshan"):
        unit = _state(gazetteer, name)
        assert (unit.latitude, unit.longitude) == published[(unit.country, name.lower())]


def test_a_published_point_at_a_namesake_city_is_not_the_states(gazetteer: Gazetteer) -> None:
    city = next(c for c in gazetteer.lookup("New York") if c.fclass == "P" and c.population > 1_000_000)
    published = load_state_points()[("US", "new york")]
    assert haversine_km(*published, city.latitude, city.longitude) < TOWN_COINCIDENCE_KM
    state = _state(gazetteer, "New York")
    assert haversine_km(state.latitude, state.longitude, city.latitude, city.longitude) > 100


def test_a_subdivision_named_like_another_is_no_spelling_of_it(gazetteer: Gazetteer) -> None:
    exact = {c.name for c in gazetteer.lookup("West Virginia") if c.score == 1.0 and c.fcode == "ADM1"}
    assert exact == {"West Virginia"}


def test_a_published_point_outside_the_units_towns_is_not_its_own() -> None:
    unit = embedded._Unit("Kunar")
    for lat, lon in ((34.9, 71.1), (35.3, 71.5), (34.6, 70.9)):
        unit.add(lat, lon, 1000)
    points = {("AF", "kunar"): (31.6, 65.7)}
    assert embedded._published_point(unit, ["Kunar"], "AF", points, {}) is None
    points = {("AF", "kunar"): (35.0, 71.3)}
    assert embedded._published_point(unit, ["Kunar"], "AF", points, {}) == (35.0, 71.3)


def test_us_counties_are_admin2_units(gazetteer: Gazetteer) -> None:
    counties = [c for c in gazetteer.lookup("Rapides Parish") if c.fcode == "ADM2"]
    assert counties and counties[0].admin1 == "LA"
    assert gazetteer.admin_name("US", "LA", counties[0].admin2) == "Rapides Parish"


def test_opening_a_built_index_is_fast(small_index: Path) -> None:
    started = time.perf_counter()
    with Gazetteer(small_index) as index:
        index.lookup("Khorugh")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("name", ["Khorugh", "Eshkashem"])
def test_lookups_answer_alike_in_any_order(small_index: Path, name: str) -> None:
    with Gazetteer(small_index) as exact_only, Gazetteer(small_index) as full_only, Gazetteer(small_index) as mixed:
        exact, full = exact_only.lookup(name, exact=True), full_only.lookup(name)
        assert full and any(c.score < 1.0 for c in full)  # variants, which an exact lookup leaves out
        assert mixed.lookup(name, exact=True) == exact
        assert mixed.lookup(name) == full
        # Once the variants are known, an exact lookup is the entries found of score 1.
        assert mixed.lookup(name, exact=True) == tuple(c for c in full if c.score == 1.0)


def test_failed_build_leaves_the_old_index(small_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "gazetteer.sqlite"
    target.write_bytes(small_index.read_bytes())
    before = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(embedded, "write_countries", broken)
    with pytest.raises(KeyboardInterrupt):
        build_default_index(target, countries=["TJ"], min_population=15000)
    assert target.read_bytes() == before
    assert list(tmp_path.iterdir()) == [target]
    assert Gazetteer(target).lookup("Khorugh")


def test_load_gazetteer_builds_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = embedded.build_default_index

    def small(path: Path) -> dict:
        calls.append(path)
        return real(path, countries=["TJ"], min_population=15000)

    monkeypatch.setattr("faultline.geo.build_default_index", small)
    settings = Settings(gazetteer_path=tmp_path / "g" / "gazetteer.sqlite")
    load_gazetteer(settings).close()
    load_gazetteer(settings).close()
    assert calls == [settings.gazetteer_path]


def test_missing_or_corrupt_index_is_a_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        Gazetteer(tmp_path / "absent.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not sqlite")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer(junk)
    assert "\n" not in caught.value.one_line()
    with pytest.raises(GazetteerError):
        load_gazetteer(Settings(gazetteer_path=tmp_path / "absent.sqlite"), build=False)


def test_a_towns_airport_code_is_no_name_of_it_but_its_initials_are(gazetteer: Gazetteer) -> None:
    assert not [c for c in gazetteer.lookup("SDF") if c.name == "Louisville"]
    assert not [c for c in gazetteer.lookup("MoD") if c.fclass == "P"]
    assert any(c.name == "Los Angeles" for c in gazetteer.lookup("LA"))
    assert any(c.name == "Louisville" for c in gazetteer.lookup("Louisville"))


def test_an_iso_spelling_goes_to_the_unit_it_names_not_to_one_containing_it() -> None:
    cauca, valle = embedded._Unit("Cauca Department"), embedded._Unit("Valle del Cauca Department")
    embedded._add_subdivision_aliases({("CO", "29"): valle, ("CO", "09"): cauca}, {}, {"CO": {}})
    assert "Cauca" in cauca.aliases and "Cauca" not in valle.aliases
    assert "Valle del Cauca" in valle.aliases


def test_an_iso_spelling_several_units_share_names_none_of_them() -> None:
    provinces = {("ID", code): embedded._Unit(f"{side} Sulawesi") for code, side in
                 (("21", "Central"), ("22", "South"), ("31", "North"), ("41", "West"))}
    embedded._add_subdivision_aliases(provinces, {}, {"ID": {}})
    assert not any("Sulawesi" in unit.aliases for unit in provinces.values())
