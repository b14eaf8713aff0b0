"""Schema and coverage tests for faultline/data/demonyms.csv."""

from __future__ import annotations

import pycountry
import pytest

from faultline.actors import load_demonyms
from faultline.errors import DataFileError

# The 193 UN member states.
UN_MEMBERS = set("""
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH
CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN
GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP
NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV
SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
""".split())
# Members whose demonym is shared with a larger neighbour: "Congolese" -> CD, "Dominican" -> DO.
SHARED_DEMONYM = {"CG", "DM"}
NOT_IN_ISO = {"XK"}  # Kosovo: user-assigned code, as ACLED and the EU use


@pytest.fixture(scope="module")
def demonyms() -> dict[str, str]:
    return load_demonyms()


def test_every_un_member_has_a_demonym(demonyms: dict[str, str]) -> None:
    assert len(UN_MEMBERS) == 193
    assert UN_MEMBERS - SHARED_DEMONYM <= set(demonyms.values())


def test_codes_are_real_iso2(demonyms: dict[str, str]) -> None:
    bad = {c for c in demonyms.values() if c not in NOT_IN_ISO and pycountry.countries.get(alpha_2=c) is None}
    assert not bad


def test_keys_are_lowercase_and_trimmed(demonyms: dict[str, str]) -> None:
    assert all(k == k.strip().lower() and k for k in demonyms)


@pytest.mark.parametrize(
    ("word", "iso2"),
    [("afghan", "AF"), ("afghans", "AF"), ("tajik", "TJ"), ("tajikistani", "TJ"), ("kyrgyz", "KG"),
     ("uzbek", "UZ"), ("syrian", "SY"), ("nigerian", "NG"), ("nigerien", "NE"), ("american", "US"),
     ("british", "GB"), ("congolese", "CD"), ("north korean", "KP"), ("frenchmen", "FR")],
)
def test_known_forms(demonyms: dict[str, str], word: str, iso2: str) -> None:
    assert demonyms[word] == iso2


def test_one_spelling_two_countries_is_refused(tmp_path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("demonym,iso2\ncongolese,CD\ncongolese,CG\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_demonyms(path)


def test_malformed_row_is_refused(tmp_path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("demonym,iso2\nafghan,AFG\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_demonyms(path)
