"""The publisher list (faultline/data/publishers.toml): schema, loader and source_scale."""

from __future__ import annotations

import re
import tomllib

import pytest

from faultline.dedup import PublisherScales
from faultline.dedup.scales import PUBLISHERS_PATH
from faultline.errors import DataFileError


@pytest.fixture(scope="module")
def raw() -> dict:
    return tomllib.loads(PUBLISHERS_PATH.read_text(encoding="utf-8"))


def test_file_schema(raw):
    assert re.fullmatch(r"\d{4}\.\d+\.\d+", raw["version"])
    assert raw["scales"][-1] == "Other" and len(set(raw["scales"])) == len(raw["scales"])
    seen: dict[str, str] = {}
    for entry in raw["publisher"]:
        assert set(entry) == {"name", "scale", "match"}, entry
        assert entry["scale"] in raw["scales"], entry["name"]
        for words in entry["match"]:
            assert words == words.lower().strip() and words, entry["name"]
            # one phrase naming two outlets would make the scale depend on file order
            assert seen.setdefault(words, entry["name"]) == entry["name"], words
    PublisherScales.load()  # the loader accepts what the schema test accepts


def test_scales_of_known_and_unknown_publishers():
    scales = PublisherScales.load()
    assert scales.scale_of("Thomson Reuters Foundation") == "International"
    assert scales.scale_of("AFP") == "International"
    assert scales.scale_of("Afpak Daily") == "Other"  # whole words only
    assert scales.scale_of("Pajhwok Afghan News") == "National"
    assert scales.source_scale(["Reuters", "Pajhwok", "Sample Wire"]) == "National-International-Other"
    assert scales.source_scale([]) == "Other"


def test_a_custom_list_is_used(tmp_path):
    path = tmp_path / "publishers.toml"
    path.write_text('version = "2026.1.0"\nscales = ["Local", "Other"]\n'
                    '[[publisher]]\nname = "Town Crier"\nscale = "Local"\nmatch = ["town crier"]\n')
    scales = PublisherScales.load(path)
    assert scales.source_scale(["The Town Crier", "Reuters"]) == "Local-Other"


@pytest.mark.parametrize("body", [
    'scales = ["Local"]\n',  # no "Other"
    'scales = ["Other"]\n[[publisher]]\nname = "X"\nscale = "Global"\nmatch = ["x"]\n',
    'scales = ["Other"]\n[[publisher]]\nname = "X"\nscale = "Other"\nmatch = []\n',
    'scales = ["Other"]\n[[publisher]]\nname = "X"\nscale = "Other"\nmatch = ["Upper"]\n',
    'scales = ["Other"\n',  # not TOML
])
def test_malformed_lists_are_typed_errors(tmp_path, body):
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(DataFileError):
        PublisherScales.load(path)
