"""Shared fixtures for the extract tests: one small spaCy model for the whole session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from faultline.config import Settings
from faultline.extract.typing import EventTyper


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The small English model the pipeline uses (loaded once per test session)."""
    return spacy.load(Settings().spacy_model)


@pytest.fixture(scope="session")
def typer() -> EventTyper:
    """The event typer with the bundled trigger lexicon."""
    return EventTyper.load()
