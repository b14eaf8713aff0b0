"""Span text cut from its doc's text, which is read once per doc.

Span.text and Doc.text join every token's text anew on each call, and a sentence's text is asked
for by most extraction rules; a doc's text never changes (retokenizing keeps it), so it is kept.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

_DOC_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """Doc.text, joined once per doc."""
    text = _DOC_TEXTS.get(doc)
    if text is None:
        text = _DOC_TEXTS[doc] = doc.text
    return text


def span_text(span: Span) -> str:
    """Span.text, cut from the doc's text."""
    return doc_text(span.doc)[span.start_char:span.end_char]
