"""Faultline's geo stage: gazetteer index, toponym recognition and context-aware resolution."""

from __future__ import annotations

from faultline.config import Settings
from faultline.errors import GazetteerError
from faultline.geo.dumps import LoadStats, load_dumps
from faultline.geo.embedded import build_default_index
from faultline.geo.gazetteer import Candidate, Country, Gazetteer
from faultline.geo.resolver import Geocoder, haversine_km, precision_codes
from faultline.geo.toponyms import find_toponyms


def load_gazetteer(settings: Settings, *, build: bool = True) -> Gazetteer:
    """Open the gazetteer index, building the embedded default first if there is none (or it is stale)."""
    path = settings.gazetteer_path
    if path.is_file():
        try:
            return Gazetteer(path)
        except GazetteerError:
            if not build:
                raise
    elif not build:
        raise GazetteerError("gazetteer index not found (run `faultline gazetteer build`)", subject=str(path))
    build_default_index(path)
    return Gazetteer(path)


__all__ = [
    "Candidate", "Country", "Gazetteer", "Geocoder", "LoadStats", "build_default_index", "find_toponyms",
    "haversine_km", "load_dumps", "load_gazetteer", "precision_codes",
]
