"""What find_toponyms makes of a text whose entities a test may set by hand."""

from __future__ import annotations

from faultline.geo import Gazetteer, find_toponyms


def found_toponyms(nlp, gazetteer: Gazetteer, text: str, ents: dict[str, str] | None = None) -> dict[str, str | None]:
    """Toponym text -> label; `ents` replaces the model's entities, in text order ("Tanta": "PERSON")."""
    doc = nlp(text)
    if ents is not None:
        spans, start = [], 0
        for phrase, label in ents.items():
            start = text.index(phrase, start)
            spans.append(doc.char_span(start, start + len(phrase), label=label))
            start += len(phrase)
        doc.ents = spans
    return {t.text: t.label for t in find_toponyms(doc, 0, gazetteer)}
