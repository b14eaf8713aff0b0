"""Bytes to clean text: decoding, binary detection, normalisation and cutting at the size cap.

Every character offset downstream indexes the text `normalise_text` returns, so text is
normalised exactly once, here, and nothing later rewrites it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from faultline.errors import BinaryInputError, EncodingError

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of binary formats people drop into news folders; some (PDF) can lack NUL bytes.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"7z\xbc\xaf",
    b"Rar!", b"\x7fELF", b"BZh",
)
# Above this share of control characters the "text" is really a binary blob.
_MAX_CONTROL_SHARE = 0.05
# cp1252 is accepted without detection only when its non-ASCII characters are a small share of
# the text and are word-internal letters or common typographic marks (smart quotes, dashes).
_CP1252_MARKS = frozenset("\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022"
                          "\u20ac\u2122\u00b0\u00a3\u00a5\u00a7\u00a9\u00ae\u00ab\u00bb\u00b7"
                          "\u00d7\u00bd\u00bc\u00be\u00b1")
_CP1252_MAX_SHARE = 0.2
# charset_normalizer guesses wildly on short or random bytes; its answer is used only when the
# decoded text reads as some language and has little mess in it.
_DETECT_MIN_COHERENCE = 0.1
_DETECT_MAX_CHAOS = 0.2

_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc less \t \n \v \f \r
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_BLANK_RUN = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def looks_binary(data: bytes) -> bool:
    """Whether raw bytes are a binary format rather than text in some encoding."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False  # UTF-16/32 text is full of NUL bytes
    return data.startswith(_BINARY_MAGIC) or b"\x00" in data


def decode_bytes(data: bytes, *, declared: str | None = None, truncated: bool = False) -> str:
    """Decode text bytes: BOM, UTF-8, declared charset, plausible cp1252, then detection."""
    if looks_binary(data):
        raise BinaryInputError("binary content (NUL bytes or a binary file signature), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, truncated=truncated))
    # Valid UTF-8 beats a declared charset: legacy bytes are almost never valid UTF-8 by chance,
    # while servers often declare latin-1 for UTF-8 pages.
    for encoding in ("utf-8", _text_codec(declared)):
        if encoding:
            try:
                return _checked(_decode(data, encoding, truncated=truncated))
            except UnicodeDecodeError:
                continue
    text = _cp1252(data)
    if text is None:
        text = _detected(data)
    if text is None:
        raise EncodingError("bytes are not valid UTF-8, UTF-16 or any encoding detected with confidence")
    return _checked(text)


def _text_codec(name: str | None) -> str | None:
    """The codec for a declared charset, or None when unknown or not a charset at all."""
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Servers control the declared name: bytes-to-bytes or str-to-str codecs (base64, rot13)
    # are codecs but not charsets, and would fail in other ways than UnicodeDecodeError.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _decode(data: bytes, encoding: str, *, truncated: bool) -> str:
    """Strict decode; a truncated input may end inside a multi-byte character, which is dropped."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    return decoder.decode(data, final=not truncated)


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary blob that decoded)."""
    if text:
        controls = len(_BINARY_CONTROLS.findall(text))
        if controls / len(text) > _MAX_CONTROL_SHARE:
            raise BinaryInputError("binary content (too many control characters), not text")
    return text


def _cp1252(data: bytes) -> str | None:
    """The cp1252 reading of `data` when it is clearly right, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # bytes cp1252 leaves undefined (0x81, 0x8d, ...)
    high = [m.start() for m in _NON_ASCII.finditer(text)]
    if len(high) > _CP1252_MAX_SHARE * len(text):
        return None
    for i in high:
        ch = text[i]
        if ch in _CP1252_MARKS:
            continue
        neighbours = text[max(i - 1, 0):i] + text[i + 1:i + 2]
        if not (ch.isalpha() and any(n.isalpha() for n in neighbours)):
            return None
    return text


def _detected(data: bytes) -> str | None:
    """charset_normalizer's reading of `data` when it is confident, else None."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.coherence < _DETECT_MIN_COHERENCE or best.chaos > _DETECT_MAX_CHAOS:
        return None
    return str(best)


def normalise_text(text: str) -> str:
    """NFC, one newline character, no trailing spaces, paragraphs split by exactly one blank line."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def normalise_line(text: str | None) -> str | None:
    """A one-line field (title, source): NFC, whitespace collapsed; None when empty."""
    if text is None:
        return None
    line = " ".join(unicodedata.normalize("NFC", _CONTROL.sub("", text)).split())
    return line or None


def paragraphs_from_lines(text: str) -> str:
    """Make every line its own paragraph (extractors put one block element per line)."""
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def cut_text(text: str, max_bytes: int) -> tuple[str, bool]:
    """Cut `text` to at most `max_bytes` of UTF-8 at a paragraph, sentence or word boundary."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text, False
    head = encoded[:max_bytes].decode("utf-8", errors="ignore")
    floor = len(head) // 2  # never throw away more than half of what fits
    cut = head.rfind("\n\n")
    if cut < floor:
        ends = [m.end() for m in _SENTENCE_END.finditer(head, floor)]
        cut = ends[-1] if ends else -1
    if cut < floor:
        cut = max(head.rfind(" "), head.rfind("\n"))
    if cut < floor:
        cut = len(head)
    return head[:cut].rstrip(), True
