"""Name keys: transliteration variants share a skeleton; unrelated names do not."""

from __future__ import annotations

import pytest

from faultline.geo.names import (
    fold,
    is_acronym,
    is_code_for,
    is_latin,
    names_town,
    norm_key,
    skeleton,
)


@pytest.mark.parametrize(("one", "other"), [
    ("Ishkashim", "Eshkashem"), ("Ishkashim", "Ishkoshim"), ("Jalalabad", "Dzhalalabad"), ("Khorog", "Horog"),
    ("Tsaritsyn", "Zaritsyn"), ("Kalai-Khumb", "Qal'ai Khumb"), ("Mazar-i-Sharif", "Mazar-e Sharif"),
    ("Kunduz", "Qunduz"), ("Istaravshan", "Istarawshan"), ("Khujand", "Hujand"),
])
def test_transliteration_variants_share_a_skeleton(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize(("one", "other"), [("Kabul", "Khost"), ("Darvaz", "Dushanbe"), ("Paris", "Peru")])
def test_different_places_have_different_skeletons(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


def test_fold_strips_diacritics_and_punctuation() -> None:
    assert fold("Mazār-e Sharīf") == "mazar e sharif"
    assert fold("Łódź") == "lodz"
    assert fold("Qal'ai-Khumb") == "qalai khumb"


def test_norm_key_drops_generic_words() -> None:
    assert norm_key("Badakhshan Province") == norm_key("badakhshan")
    assert norm_key("Rapides Parish") == "rapides"


@pytest.mark.parametrize(("abbreviated", "written_out"), [
    ("St. Marc", "Saint-Marc"), ("Ste. Marie", "Sainte-Marie"), ("Mt. Kenya", "Mount Kenya"), ("Ft Portal", "Fort Portal"),
])
def test_a_names_abbreviated_first_word_matches_it_written_out(abbreviated: str, written_out: str) -> None:
    assert norm_key(abbreviated) == norm_key(written_out)


def test_a_last_st_is_a_street_not_a_saint() -> None:
    assert norm_key("Main St") != norm_key("Main Saint")
    assert norm_key("St") == "st"


def test_non_latin_names_are_recognised() -> None:
    assert is_latin("Khorugh") and is_latin("Đà Nẵng")
    assert not is_latin("Душанбе") and not is_latin("کابل")


@pytest.mark.parametrize(("alias", "town"), [("SDF", "Louisville"), ("KHG", "Khorugh"), ("J-Town", "Jinjang"), ("X", "Xanadu")])
def test_codes_and_single_letters_are_not_names_of_a_town(alias: str, town: str) -> None:
    assert is_code_for(alias, town)


@pytest.mark.parametrize(("alias", "town"), [("NYC", "New York City"), ("L.A.", "Los Angeles"), ("Khorog", "Khorugh"),
                                             ("Gao", "Gao")])
def test_initials_and_spellings_are_names_of_a_town(alias: str, town: str) -> None:
    assert not is_code_for(alias, town)


def test_acronyms_name_a_town_only_by_its_initials_or_its_own_short_name() -> None:
    assert all(is_acronym(name) for name in ("UN", "MoD", "SDF", "N.Y.", "J"))
    assert not any(is_acronym(name) for name in ("Kabul", "St.", "Khost", "Ky."))
    assert names_town("LA", "Los Angeles") and names_town("GAO", "Gao")
    assert not names_town("UN", "Un") and not names_town("SDF", "Louisville") and not names_town("MoD", "Maud")
