"""Readers for the public evaluation sets in ../shared/data (never copied into the project)."""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(os.environ.get("FAULTLINE_EVAL_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A gold toponym: its character span and coordinates (None when the corpus gives none)."""

    start: int
    end: int
    phrase: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """A geoparsing article with its gold toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def load_geoparsing(name: str) -> list[GeoArticle]:
    """LGL ("lgl") or GeoVirus ("GeoVirus") articles with gold toponyms."""
    root = ElementTree.parse(DATA_DIR / "geoparsing" / f"{name}.xml").getroot()
    articles = []
    for index, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = []
        for top in [*node.iter("toponym"), *node.iter("location")]:
            lat = top.findtext("gaztag/lat") or top.findtext("lat")
            lon = top.findtext("gaztag/lon") or top.findtext("lon")
            start, end = top.findtext("start"), top.findtext("end")
            if start is None or end is None:
                continue
            toponyms.append(GoldToponym(
                int(start), int(end), top.findtext("phrase") or top.findtext("name") or "",
                float(lat) if lat else None, float(lon) if lon else None,
            ))
        articles.append(GeoArticle(node.get("docid") or f"{name}-{index}", text, tuple(sorted(toponyms, key=lambda t: t.start))))
    return articles


def load_case2021() -> list[tuple[str, str, str]]:
    """CASE 2021 task 2 snippets as (id, text, label)."""
    path = DATA_DIR / "case2021-task2" / "test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["id"], row["EventSnippet"], row["SubType"].strip()) for row in rows]


def load_wiki_terror() -> list[dict]:
    """Wikipedia terrorist-incident descriptions with Dead/Injured/Country/Perpetrator."""
    return json.loads((DATA_DIR / "wiki-terror-incidents" / "incidents.json").read_text(encoding="utf-8"))


def load_ucdp() -> list[dict]:
    """UCDP GED sample events (all columns as strings)."""
    path = DATA_DIR / "ucdp-ged" / "ucdpged_sample_ged231.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
