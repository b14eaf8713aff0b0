"""Faultline's ingest stage: text, HTML, JSONL, feeds and URLs in, Articles and Rejections out.

The only caller of trafilatura and feedparser, and the only place text is normalised: every
character offset later on indexes `Article.text` exactly as returned here.

    refs = expand_inputs(["news/", "https://example.org/feed.xml", "-"])   # for a progress bar
    for ref in refs:
        for item in read_input(ref, settings):
            ...   # Article or Rejection

    for item in read_inputs(["news/"], settings):   # the same, in one call
        ...
"""

from faultline.ingest.articles import build_article, make_article_id, parse_published
from faultline.ingest.fetch import Fetched, Fetcher, HttpFetcher, is_public_address, resolve_addresses
from faultline.ingest.language import check_english
from faultline.ingest.readers import (DocumentKind, ProgressFn, read_bytes, read_input, read_inputs,
                                      sniff_kind)
from faultline.ingest.refs import InputRef, expand_inputs
from faultline.ingest.text import cut_text, decode_bytes, normalise_text

__all__ = [
    "DocumentKind", "Fetched", "Fetcher", "HttpFetcher", "InputRef", "ProgressFn", "build_article",
    "check_english", "cut_text", "decode_bytes", "expand_inputs", "is_public_address",
    "make_article_id", "normalise_text", "parse_published", "read_bytes", "read_input",
    "read_inputs", "resolve_addresses", "sniff_kind",
]
