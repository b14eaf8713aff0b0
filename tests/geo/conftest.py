"""Geo fixtures: a small embedded index and GeoNames-format dump writers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from faultline.geo import Gazetteer, Geocoder
from faultline.geo.embedded import build_default_index

SMALL_COUNTRIES = ("AF", "TJ", "US", "EG")


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded index of four countries' cities of 15,000+ people (a few seconds to build)."""
    path = tmp_path_factory.mktemp("gazetteer") / "small.sqlite"
    build_default_index(path, countries=SMALL_COUNTRIES, min_population=15000)
    return path


@pytest.fixture(scope="session")
def gazetteer(small_index: Path) -> Gazetteer:
    """The small index, opened read-only."""
    return Gazetteer(small_index)


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    """A geocoder over the small index."""
    return Geocoder(gazetteer)


def geoname_row(gid: int, name: str, lat: float, lon: float, fclass: str, fcode: str, country: str,
                admin1: str = "", admin2: str = "", population: int = 0, alternates: str = "") -> str:
    """One line of a GeoNames table: 19 tab-separated columns."""
    fields = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, country, "", admin1, admin2,
              "", "", str(population), "", "", "Asia/Dushanbe", "2024-01-01"]
    assert len(fields) == 19
    return "\t".join(fields) + "\n"


TJ_ROWS = [
    geoname_row(1221692, "Viloyati Mukhtori Kuhistoni Badakhshon", 38.5, 73.0, "A", "ADM1", "TJ", "01",
                alternates="Gorno-Badakhshan,Badakhshan"),
    geoname_row(8581510, "Darvoz District", 38.4, 70.9, "A", "ADM2", "TJ", "01", "8581510", alternates="Darvaz"),
    geoname_row(1221559, "Qalaikhumb", 38.45373, 70.78902, "P", "PPLA2", "TJ", "01", "8581510", 1611,
                alternates="Kalai-Khumb,Kalaikhum,Qal'ai Khumb"),
    geoname_row(1221328, "Khorugh", 37.49039, 71.55337, "P", "PPLA", "TJ", "01", "", 30500, alternates="Khorog"),
    geoname_row(9000001, "Kalai-Khumb Border Crossing", 38.458, 70.795, "S", "PSTB", "TJ", "01", "8581510"),
]


def write_dump(directory: Path, name: str, rows: list[str], *, zipped: bool = False) -> Path:
    """Write GeoNames rows as NAME.txt, or inside NAME.zip like the downloads."""
    text = "".join(rows)
    if not zipped:
        path = directory / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        return path
    path = directory / f"{name}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}.txt", text)
    return path
