"""The geo commands: `faultline places` and `faultline gazetteer load|info`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from faultline.cli import app
from tests.geo.conftest import TJ_ROWS, write_dump

runner = CliRunner()


def test_places_prints_resolved_and_unresolved_toponyms(small_index: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Border guards clashed near Khorugh, Tajik officials said. Elders in Zzyzxqor village fled.\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["places", str(article), "--format", "jsonl", "--gazetteer", str(small_index)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_text = {row["text"]: row for row in rows}
    khorugh = by_text["Khorugh"]
    assert khorugh["country"] == "Tajikistan" and khorugh["geonameid"] == 1221328 and khorugh["feature"] == "P.PPL"
    unresolved = by_text["Zzyzxqor village"]
    assert unresolved["latitude"] is None and unresolved["reason"]
    assert "Tajik" not in by_text


def test_gazetteer_load_and_info(small_index: Path, tmp_path: Path) -> None:
    index = tmp_path / "gazetteer.sqlite"
    index.write_bytes(small_index.read_bytes())
    dump = write_dump(tmp_path, "TJ", TJ_ROWS, zipped=True)
    loaded = runner.invoke(app, ["gazetteer", "load", str(dump), "--gazetteer", str(index)])
    assert loaded.exit_code == 0, loaded.output
    info = runner.invoke(app, ["gazetteer", "info", "--gazetteer", str(index)])
    assert "source\tGeoNames dump" in info.stdout


def test_bad_dump_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["gazetteer", "load", str(tmp_path / "allCountries.zip"),
                                 "--gazetteer", str(tmp_path / "g.sqlite")])
    assert result.exit_code == 2
    assert "FL-E020" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
