"""A stand-in for the NLP pipeline: reads incidents from plain prose with regular expressions.

Each paragraph reporting a date is one incident: the date (YYYY-MM-DD), a known town, a verb
choosing the type, the armed group named, and "N <who> were killed". Enough to drive the store
without loading a model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from faultline.model import Article, EventMention, Mention, Rejection, Span
from tests.dedup.factory import PLACES, killed, mention

DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
KILLED = re.compile(r"\b(\d+) (\w+) (?:were|was) killed")
VERBS = {"clashed": "Armed clash", "bomb": "Remote explosive/landmine/IED", "protest": "Peaceful protest"}
GROUPS = {"Taliban": "Taliban", "Islamic State": "Islamic State (ISIS)"}


@dataclass
class ArticleResult:
    """The pipeline's per-article result, as faultline.pipeline.ArticleResult."""

    article: Article
    events: list[EventMention]
    mentions: list[Mention]
    rejections: list[Rejection] = field(default_factory=list)


def extract(article: Article) -> list[EventMention]:
    """Incidents of an article, one per dated paragraph."""
    out, offset = [], 0
    for para in article.text.split("\n\n"):
        start = article.text.index(para, offset)
        offset = start + len(para)
        date = DATE.search(para)
        if not date:
            continue
        where = next((p for p in PLACES if p in para), None)
        sub = next((s for verb, s in VERBS.items() if verb in para), "Armed clash")
        group = next((g for k, g in GROUPS.items() if k in para), None)
        figures = tuple(killed(int(n), who) for n, who in KILLED.findall(para))
        report = mention(article.id, sub=sub, day=dt.date.fromisoformat(date.group(1)), where=where,
                         actor1=group, figures=figures, source=article.source, trigger_at=start)
        sentence = Mention(article_id=article.id, sentence=Span(start, offset, para), modality="reported")
        out.append(dataclasses.replace(report, statements=(sentence,)))
    return out


class FakePipeline:
    """Pipeline.process_many over `extract`; counts what it processed."""

    def __init__(self) -> None:
        self.processed: list[str] = []

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """One result per article, in order."""
        for article in articles:
            self.processed.append(article.id)
            events = extract(article)
            statements = [Mention(article_id=article.id, sentence=Span(0, min(60, len(article.text)),
                                  article.text[:60]), modality="reported") for _ in events]
            yield ArticleResult(article, events, statements)
