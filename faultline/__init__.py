"""Faultline: conflict news in, evidence-backed, geocoded ACLED-style event records out."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from typing import TYPE_CHECKING

from faultline.config import Settings
from faultline.model import Article, Event, EventMention, Figure, Mention, Place, Rejection

if TYPE_CHECKING:
    from faultline.pipeline import Pipeline

__version__ = "0.1.0"


@cache
def _default_pipeline() -> "Pipeline":
    from faultline.pipeline import Pipeline

    return Pipeline.build(Settings())


def extract_text(text: str, *, published: dt.date | None = None, source: str | None = None) -> list[Event]:
    """The events one text reports, with the embedded defaults (model, lexicons, gazetteer)."""
    from faultline.dedup import build_event

    article_id = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    article = Article(id=article_id, text=text, published=published, source=source)
    result = _default_pipeline().process(article)
    return [build_event([mention]) for mention in result.events]


__all__ = [
    "Article", "Event", "EventMention", "Figure", "Mention", "Place", "Rejection", "Settings",
    "__version__", "extract_text",
]
