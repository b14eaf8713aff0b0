"""Figures built by hand for the totals tests."""

from __future__ import annotations

from faultline.model import Attribution, Figure, Span


def fig(kind, count, *, who=None, side=None, low=None, high=None, text="x", sentence=0, source=None,
        source_kind=None, approx=False):
    """A Figure whose span starts at `sentence` (figures in one sentence share that start)."""
    span = Span(sentence, sentence + len(text), text)
    att = Attribution(source, source_kind or source) if source else None
    return Figure(kind, count, low, high, span, Span(sentence, sentence + 1, "x"), who=who, side=side,
                  attribution=att, approximate=approx)
