"""Faultline's NLP stage: spaCy over the windows of an article that can hold an event."""

from faultline.nlp.datelines import is_dateline, is_editors_note
from faultline.nlp.parser import (
           ArticleParser,
           ModelError,
           Window,
           build_nlp,
           load_language,
           select_windows,
)
from faultline.nlp.sentences import sentence_spans

__all__ = ["ArticleParser", "ModelError", "Window", "build_nlp", "is_dateline", "is_editors_note", "load_language",
           "select_windows", "sentence_spans"]
