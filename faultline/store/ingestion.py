"""Ingest: read inputs, extract their events, and commit each article with its events at once.

Each article commits in its own transaction (article, statements, reports, event changes), so an
interrupted run keeps everything committed before it and never half an article; running it again
skips what is stored (same URL and text, or the same text under another URL) and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from faultline.config import Settings
from faultline.model import Article, EventMention, Mention, Rejection
from faultline.store.protocol import EventStore, SaveOutcome


class ArticleResultLike(Protocol):
    """What the pipeline returns for one article (faultline.pipeline.ArticleResult, frozen)."""

    @property
    def article(self) -> Article: ...

    @property
    def events(self) -> Sequence[EventMention]: ...

    @property
    def mentions(self) -> Sequence[Mention]: ...

    @property
    def rejections(self) -> Sequence[Rejection]: ...


class ArticlePipeline(Protocol):
    """The extraction service ingest needs (faultline.pipeline.Pipeline)."""

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResultLike]:
        """Results for each article, in input order."""
        ...


Reader = Callable[[Sequence[str], Settings], Iterable[Article | Rejection]]


@dataclass(slots=True)
class IngestReport:
    """Counts of one ingest run."""

    new: int = 0
    corrected: int = 0
    unchanged: int = 0
    duplicate: int = 0
    rejected: int = 0
    mentions: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def add(self, outcome: SaveOutcome) -> None:
        """Count one saved article."""
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.mentions += outcome.mentions
        self.created += len(outcome.created)
        self.updated += len(outcome.updated)
        self.deleted += len(outcome.deleted)


def _default_reader(inputs: Sequence[str], settings: Settings) -> Iterable[Article | Rejection]:
    """faultline.ingest.read_inputs, imported late (it pulls in trafilatura)."""
    from faultline.ingest import read_inputs

    return read_inputs(inputs, settings)


def _default_pipeline(settings: Settings) -> ArticlePipeline:
    """faultline.pipeline.Pipeline, built late: loading the model takes seconds."""
    from faultline.pipeline import Pipeline

    return Pipeline.build(settings)


def ingest(
    inputs: Sequence[str],
    *,
    settings: Settings,
    store: EventStore,
    pipeline: ArticlePipeline | None = None,
    reader: Reader | None = None,
    on_saved: Callable[[SaveOutcome], None] | None = None,
    on_rejected: Callable[[Rejection], None] | None = None,
) -> IngestReport:
    """Read, extract and store `inputs`; one transaction per article; returns the counts."""
    report = IngestReport()
    items = (reader or _default_reader)(inputs, settings)

    def to_process() -> Iterator[Article]:
        # Stored articles skip extraction; save_article re-checks inside its transaction.
        for item in items:
            if isinstance(item, Rejection):
                store.add_rejection(item)
                report.rejected += 1
                if on_rejected:
                    on_rejected(item)
                continue
            status = store.article_status(item)
            if status in ("unchanged", "duplicate"):
                outcome = SaveOutcome(item.id, status)
                report.add(outcome)
                if on_saved:
                    on_saved(outcome)
                continue
            yield item

    pending = to_process()
    first = next(pending, None)
    if first is None:
        return report
    # The pipeline is built only once some article needs it.
    service = pipeline or _default_pipeline(settings)
    for result in service.process_many(_chain(first, pending)):
        if result.rejections and not result.events:
            for rejection in result.rejections:
                store.add_rejection(rejection)
                report.rejected += 1
                if on_rejected:
                    on_rejected(rejection)
            continue
        outcome = store.save_article(result.article, events=result.events, statements=result.mentions,
                                     rejections=result.rejections)
        report.add(outcome)
        if on_saved:
            on_saved(outcome)
    return report


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    """`first` then the rest."""
    yield first
    yield from rest
