"""Store fixtures: the real extraction pipeline over a small one-country gazetteer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from faultline.config import Settings


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose gazetteer is an Afghanistan-only index (seconds to build, not 30-40 s)."""
    from faultline.geo import build_default_index

    path: Path = tmp_path_factory.mktemp("store-gazetteer") / "af.sqlite"
    build_default_index(path, countries=("AF",), min_population=15000)
    return Settings(gazetteer_path=path, published=dt.date(2026, 11, 20))


@pytest.fixture(scope="session")
def real_pipeline(real_settings: Settings):  # noqa: ANN201 - faultline.pipeline.Pipeline, imported late
    """The real Pipeline (spaCy model, lexicons, gazetteer), built once per test session."""
    from faultline.pipeline import Pipeline

    return Pipeline.build(real_settings)
