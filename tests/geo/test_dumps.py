"""Loading GeoNames dumps: streamed, validated, atomic."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from faultline.errors import GazetteerError
from faultline.geo import Gazetteer, dumps, load_dumps
from tests.geo.conftest import TJ_ROWS, geoname_row, write_dump


@pytest.fixture()
def index(small_index: Path, tmp_path: Path) -> Path:
    """A private copy of the small embedded index to load into."""
    path = tmp_path / "index" / "gazetteer.sqlite"
    path.parent.mkdir()
    path.write_bytes(small_index.read_bytes())
    return path


def test_country_zip_admin_codes_and_alternate_names_load(index: Path, tmp_path: Path) -> None:
    country = write_dump(tmp_path, "TJ", TJ_ROWS, zipped=True)
    admin1 = write_dump(tmp_path, "admin1CodesASCII", ["TJ.01\tGorno-Badakhshan\tGorno-Badakhshan\t1221692\n"])
    admin2 = write_dump(tmp_path, "admin2Codes", ["TJ.01.8581510\tDarvoz District\tDarvoz District\t8581510\n"])
    alternates = write_dump(tmp_path, "alternateNamesV2", [
        "1\t1221559\ten\tKala-i-Khumb\t\t\t\t\t\t\n",
        "2\t1221559\tlink\thttps://example.org/Qalaikhumb\t\t\t\t\t\t\n",
        "3\t99999999\ten\tNowhere At All\t\t\t\t\t\t\n",
    ], zipped=True)
    stats = load_dumps([alternates, admin2, country, admin1], index_path=index, show_progress=False)
    assert stats.places == len(TJ_ROWS) and stats.admin_codes == 2
    with Gazetteer(index) as gazetteer:
        town = gazetteer.lookup("Kala-i-Khumb")[0]
        assert (town.geonameid, town.admin2) == (1221559, "8581510")
        assert gazetteer.admin_name("TJ", "01", "8581510") == "Darvoz District"
        assert gazetteer.lookup("Darvaz")[0].geonameid == 8581510
        assert not gazetteer.lookup("Nowhere At All")
        assert not gazetteer.lookup("https://example.org/Qalaikhumb")
        # the real ADM1 replaced the unit synthesised from cities; the embedded Afghan data stayed
        assert gazetteer.admin_unit("TJ", "01").geonameid == 1221692
        assert gazetteer.admin_unit("AF", "01") is not None


def test_loading_into_no_index_creates_one(tmp_path: Path) -> None:
    target = tmp_path / "fresh.sqlite"
    load_dumps([write_dump(tmp_path, "TJ", TJ_ROWS)], index_path=target, show_progress=False)
    with Gazetteer(target) as gazetteer:
        assert gazetteer.lookup("Khorog")[0].geonameid == 1221328
        assert gazetteer.country("TJ").numeric == 762


def test_wrong_column_count_fails_with_line_number_and_keeps_old_index(index: Path, tmp_path: Path) -> None:
    before = index.read_bytes()
    bad = write_dump(tmp_path, "TJ", [*TJ_ROWS, "123\tToo few\tcolumns\n"])
    with pytest.raises(GazetteerError, match="line 6: expected 19"):
        load_dumps([bad], index_path=index, show_progress=False)
    assert index.read_bytes() == before
    assert sorted(p.name for p in index.parent.iterdir()) == ["gazetteer.sqlite"]


def test_interrupted_load_leaves_old_index_usable(index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [geoname_row(5_000_000 + n, f"Place {n}", 38.0, 70.0, "P", "PPL", "TJ", "01") for n in range(50)]
    dump = write_dump(tmp_path, "TJ", rows)
    real = dumps.IndexWriter.add_place
    seen = []

    def interrupt(self, row, names):
        seen.append(row)
        if len(seen) == 30:
            raise KeyboardInterrupt
        real(self, row, names)

    monkeypatch.setattr(dumps.IndexWriter, "add_place", interrupt)
    with pytest.raises(KeyboardInterrupt):
        load_dumps([dump], index_path=index, show_progress=False)
    with Gazetteer(index) as gazetteer:
        assert gazetteer.lookup("Khorugh")
        assert not gazetteer.lookup("Place 1")
    assert sorted(p.name for p in index.parent.iterdir()) == ["gazetteer.sqlite"]


def test_missing_file_and_corrupt_zip_are_gazetteer_errors(index: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found"):
        load_dumps([tmp_path / "allCountries.zip"], index_path=index, show_progress=False)
    corrupt = tmp_path / "TJ.zip"
    corrupt.write_bytes(b"PK\x03\x04 definitely not a zip")
    with pytest.raises(GazetteerError, match="zip"):
        load_dumps([corrupt], index_path=index, show_progress=False)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    with pytest.raises(GazetteerError, match="no GeoNames"):
        load_dumps([empty], index_path=index, show_progress=False)


def test_bad_admin_code_line_is_rejected(index: Path, tmp_path: Path) -> None:
    bad = write_dump(tmp_path, "admin1CodesASCII", ["TJ.01\tGorno-Badakhshan\n"])
    with pytest.raises(GazetteerError, match="expected 4"):
        load_dumps([bad], index_path=index, show_progress=False)


def test_a_towns_codes_in_a_dump_are_not_indexed_as_its_names(index: Path, tmp_path: Path) -> None:
    rows = [geoname_row(1221328, "Khorugh", 37.49039, 71.55337, "P", "PPLA", "TJ", "01", "", 30500,
                        alternates="Khorog,KHG,K")]
    load_dumps([write_dump(tmp_path, "TJ", rows)], index_path=index, show_progress=False)
    with Gazetteer(index) as gazetteer:
        assert [c.geonameid for c in gazetteer.lookup("Khorog", exact=True)] == [1221328]
        assert not gazetteer.lookup("KHG", exact=True) and not gazetteer.lookup("K", exact=True)
