"""ACLED source_scale from publisher names, read from faultline/data/publishers.toml."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faultline.data import read_toml
from faultline.errors import DataFileError

PUBLISHERS_PATH = Path(__file__).resolve().parent.parent / "data" / "publishers.toml"
UNKNOWN_SCALE = "Other"  # a publisher we know nothing about: ACLED's "Other"


@dataclass(frozen=True, slots=True)
class PublisherScales:
    """Publisher-name patterns -> ACLED source scale, with ACLED's order for combined scales."""

    order: tuple[str, ...]  # e.g. ("Local", ..., "International", "Other")
    rules: tuple[tuple[re.Pattern[str], str], ...]  # (whole-word pattern, scale), file order

    @classmethod
    def load(cls, path: Path | None = None) -> PublisherScales:
        """Read the publisher list at `path` (default: the packaged publishers.toml); cached per path."""
        return _load_cached(path or PUBLISHERS_PATH)

    @classmethod
    def build(cls, data: Mapping[str, Any], *, subject: str = "publishers") -> PublisherScales:
        """Validate parsed TOML and compile its patterns (raises DataFileError)."""
        order = data.get("scales")
        if not isinstance(order, list) or not order or not all(isinstance(s, str) and s for s in order):
            raise DataFileError("`scales` must be a non-empty list of names", subject=subject)
        if UNKNOWN_SCALE not in order:
            raise DataFileError(f"`scales` must include {UNKNOWN_SCALE!r}", subject=subject)
        rules = []
        for i, entry in enumerate(data.get("publisher", []), start=1):
            where = f"publisher #{i} ({entry.get('name', '?')})" if isinstance(entry, dict) else f"publisher #{i}"
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise DataFileError(f"{where}: needs a name", subject=subject)
            scale, match = entry.get("scale"), entry.get("match")
            if scale not in order:
                raise DataFileError(f"{where}: scale {scale!r} is not one of {order}", subject=subject)
            if not isinstance(match, list) or not match or not all(isinstance(m, str) and m.strip() for m in match):
                raise DataFileError(f"{where}: `match` must be a non-empty list of words", subject=subject)
            for words in match:
                if words != words.lower().strip():
                    raise DataFileError(f"{where}: match {words!r} must be lower-case and trimmed",
                                        subject=subject)
                rules.append((_whole_words(words), scale))
        return cls(order=tuple(order), rules=tuple(rules))

    def scale_of(self, publisher: str) -> str:
        """The scale of one publisher; the first matching entry wins; unknown -> "Other"."""
        low = publisher.lower()
        return next((scale for pattern, scale in self.rules if pattern.search(low)), UNKNOWN_SCALE)

    def source_scale(self, publishers: Iterable[str]) -> str:
        """ACLED source_scale of an event's publishers: distinct scales joined "-" in ACLED order."""
        scales = {self.scale_of(p) for p in publishers}
        if not scales:
            return UNKNOWN_SCALE
        return "-".join(s for s in self.order if s in scales)


def _whole_words(words: str) -> re.Pattern[str]:
    """A pattern matching `words` only between word boundaries ("afp" not inside "afpak")."""
    return re.compile(rf"(?<![\w]){re.escape(words)}(?![\w])")


@functools.cache
def _load_cached(path: Path) -> PublisherScales:
    data = read_toml(path, what="the publisher list")
    return PublisherScales.build(data, subject=str(path))
