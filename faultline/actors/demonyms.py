"""Demonyms and country adjectives ("afghan", "tajiks") mapped to ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import csv
from pathlib import Path

from faultline.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEMONYMS_PATH = DATA_DIR / "demonyms.csv"


def load_demonyms(path: Path | None = None) -> dict[str, str]:
    """Read demonyms.csv into a lowercase-demonym -> ISO2 mapping."""
    path = path or DEMONYMS_PATH
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise DataFileError(f"cannot read demonyms: {exc}", subject=str(path)) from exc
    demonyms: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        demonym = (row.get("demonym") or "").strip().lower()
        iso2 = (row.get("iso2") or "").strip().upper()
        if not demonym or len(iso2) != 2 or not iso2.isalpha():
            raise DataFileError(f"line {line}: need demonym and a two-letter iso2", subject=str(path))
        if demonyms.get(demonym, iso2) != iso2:
            # one spelling naming two countries would make state forces silently wrong
            raise DataFileError(f"line {line}: {demonym!r} given two countries", subject=str(path))
        demonyms[demonym] = iso2
    return demonyms
