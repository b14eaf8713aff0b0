"""Decoding, normalisation and cutting of text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faultline.errors import BinaryInputError, EncodingError
from faultline.ingest.text import cut_text, decode_bytes, looks_binary, normalise_text

# Text without control characters (those make "text" binary) or a leading BOM (eaten by utf-8-sig).
_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=200).filter(
    lambda t: not t.startswith("\ufeff"))


@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_encodings_round_trip(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@given(st.text(max_size=300))
def test_normalise_is_idempotent_and_clean(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "\n\n\n" not in once
    assert all(line == line.rstrip() for line in once.split("\n"))


@given(st.text(max_size=400), st.integers(min_value=1, max_value=300))
def test_cut_is_a_prefix_within_the_cap(text: str, cap: int) -> None:
    cut, was_cut = cut_text(text, cap)
    assert text.startswith(cut)
    assert len(cut.encode("utf-8")) <= cap
    assert was_cut == (len(text.encode("utf-8")) > cap)


def test_normalise_keeps_paragraphs_and_composes() -> None:
    raw = "Cafe\u0301 attack  \r\nsecond line\r\n\r\n\r\n\r\n  \nNext paragraph.\u2028Tail\x07\n"
    assert normalise_text(raw) == "Caf\u00e9 attack\nsecond line\n\nNext paragraph.\nTail"


def test_cut_prefers_paragraph_then_sentence() -> None:
    text = "First paragraph here.\n\nSecond one is long. It has two sentences and more words."
    assert cut_text(text, 40) == ("First paragraph here.", True)
    sentences = "One sentence here. Another sentence follows here. And a third one."
    assert cut_text(sentences, 55) == ("One sentence here. Another sentence follows here.", True)


def test_cp1252_decoded_when_plausible() -> None:
    text = "The minister\u2019s office said \u201cfive\u201d died near the caf\u00e9 \u2014 police."
    assert decode_bytes(text.encode("cp1252")) == text


def test_declared_charset_used_when_not_utf8() -> None:
    text = "\u00c9tat-major: trois bless\u00e9s \u00e0 Gao"
    assert decode_bytes(text.encode("iso-8859-15"), declared="iso-8859-15") == text


def test_truncated_utf8_drops_the_partial_character() -> None:
    data = "Kawo caf\u00e9".encode("utf-8")[:-1]
    assert decode_bytes(data, truncated=True) == "Kawo caf"
    with pytest.raises(EncodingError):
        decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 20)


@pytest.mark.parametrize("data", [b"abc\x00def", b"%PDF-1.7 obj stream", b"\x89PNG\r\n\x1a\n",
                                  bytes(range(1, 32)) * 4])
def test_binary_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


def test_utf16_is_not_binary() -> None:
    assert not looks_binary("Mogadishu".encode("utf-16"))
    assert looks_binary(b"Mogadishu\x00")
