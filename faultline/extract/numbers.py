"""Quantity phrases ("at least 15", "twenty-one", "dozens", "10 to 15") read as conservative counts."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from faultline.data import read_toml
from faultline.errors import DataFileError

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "numbers.toml"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity as read: the conservative `count`, its bounds, and whether it is vague."""

    count: int
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    vague: bool = False  # a vague quantifier ("dozens", "several"): a floor, not a count
    start: int = 0  # character offsets of the phrase in the text it was found in
    end: int = 0


class NumberWords:
    """Number words, vague quantifiers and modifiers from faultline/data/numbers.toml."""

    def __init__(self, data: dict) -> None:
        try:
            self.units: dict[str, int] = dict(data["units"])
            self.tens: dict[str, int] = dict(data["tens"])
            self.scales: dict[str, int] = dict(data["scales"])
            self.vague: dict[str, int] = dict(data["vague"])
            mods = data["modifiers"]
            self.low_mods: tuple[str, ...] = tuple(mods["low"])
            self.high_mods: tuple[str, ...] = tuple(mods["high"])
            self.approx_mods: tuple[str, ...] = tuple(mods["approximate"])
            self.unnumbered_limited: int = int(data["unnumbered"]["limited"])
            self.unnumbered_major: int = int(data["unnumbered"]["major"])
            self.unnumbered_mixed: int = int(data["unnumbered"]["mixed"])
            self.not_counts: tuple[str, ...] = tuple(data["not_counts"]["units"])
            self.alone: dict[str, int] = {w.lower(): int(n) for w, n in data["alone"].items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"numbers data lacks or mistypes {exc}", subject=str(DATA_PATH)) from exc
        self._pattern = self._compile()

    @classmethod
    def load(cls, path: Path | None = None) -> NumberWords:
        """Read the number words from `path` (default: the packaged numbers.toml)."""
        return _load_cached(path or DATA_PATH)

    def _compile(self) -> re.Pattern[str]:
        def alt(words: object) -> str:
            # Longest first, so "a few" wins over "a" and "seventeen" over "seven".
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        word = rf"(?:(?:{alt(self.tens)})(?:[\s-]+(?:{alt(self.units)}))?|{alt(self.units)})"
        digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
        scale = alt(self.scales)
        # "two hundred and fifty", "1.5 million", "two dozen", "half a dozen", "a dozen", and a
        # headline's bare "kill dozen villagers"
        card = (rf"(?:(?:{digits}|{word}|an?)(?:\s+(?:{scale}))+(?:\s+(?:and\s+)?{word}(?:\s+(?:{scale}))*)*"
                rf"|half\s+a\s+dozen|(?:{digits}|{word}|an?)\s+dozen|dozen|{digits}|{word})")
        # A hyphen joins a range only between digits: "twenty-one" is one number, "10-15" two.
        range_ = (rf"(?:between\s+(?P<b1>{card})\s+and\s+(?P<b2>{card})"
                  rf"|(?P<r1>{card})\s+(?:to|or)\s+(?P<r2>{card})"
                  rf"|(?P<d1>\d[\d,]*)\s*[-–—]\s*(?P<d2>\d[\d,]*))")
        mods = alt(self.low_mods + self.high_mods + self.approx_mods)
        vague = alt(self.vague)
        # "an 18-year-old man", "3 km", "10 p.m." measure something else than people; "17/09" is a day.
        unit = rf"(?!\s*-?\s*(?:{alt(self.not_counts)})(?![a-z]))"
        return re.compile(
            rf"(?<![\w.,/-])(?:(?P<mod>{mods})\s+)?(?:{range_}|(?P<card>{card})|(?P<vague>{vague}))"
            rf"(?![\w/-]|,\d){unit}",
            re.IGNORECASE,
        )

    def value(self, text: str) -> int | None:
        """The integer a cardinal phrase names ("1,200", "twenty-one", "two dozen"), or None."""
        words = re.sub(r"\s+", " ", text.strip().lower().replace(",", "")).replace(" and ", " ")
        if not words:
            return None
        if words == "half a dozen":
            return 6
        total, current = 0, 0
        for part in re.split(r"[\s-]+", words):
            if re.fullmatch(r"\d+(?:\.\d+)?", part):
                current += float(part)  # type: ignore[assignment]
            elif part in ("a", "an"):
                current += 1
            elif part in self.units:
                current += self.units[part]
            elif part in self.tens:
                current += self.tens[part]
            elif part == "dozen":
                current = (current or 1) * 12
            elif part in self.scales:
                scale = self.scales[part]
                if scale >= 1000:
                    total += (current or 1) * scale
                    current = 0
                else:
                    current = (current or 1) * scale
            else:
                return None
        return round(total + current)

    def find(self, text: str) -> list[Quantity]:
        """Every quantity phrase in `text`, left to right, with its offsets in `text` (not a month's day:
        "Sept 26 - JNIM fighters attacked")."""
        return [q for m in self._pattern.finditer(text) if (q := self._reading(m)) is not None
                and _MONTH_BEFORE.search(text, 0, m.start()) is None]

    def parse(self, text: str) -> Quantity | None:
        """Read `text` as exactly one quantity phrase, or None when it is not one."""
        m = self._pattern.fullmatch(text.strip())
        return self._reading(m) if m else None

    def _reading(self, m: re.Match[str]) -> Quantity | None:
        mod = re.sub(r"\s+", " ", (m.group("mod") or "").lower())
        approx = mod in self.approx_mods or mod in self.high_mods
        low = high = None
        vague = bool(m.group("vague"))
        if vague:
            count = self.vague[re.sub(r"\s+", " ", m.group("vague").lower())]
            approx = True
        elif m.group("card"):
            count = self.value(m.group("card"))
            if count is None:
                return None
        else:
            a = self.value(m.group("b1") or m.group("r1") or m.group("d1"))
            b = self.value(m.group("b2") or m.group("r2") or m.group("d2"))
            if a is None or b is None:
                return None
            low, high = min(a, b), max(a, b)
            count = low
        if mod in self.low_mods:
            low = count
        elif mod in self.high_mods:
            high = count
        return Quantity(count, low, high, approx, vague, m.start(), m.end())


# A month's name (capitalised, as a month is written) right before a number makes it a day.
_MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$")


@functools.cache
def _load_cached(path: Path) -> NumberWords:
    return NumberWords(read_toml(path, what="number words"))


def parse_quantity(text: str) -> Quantity | None:
    """Read `text` as one quantity phrase with the packaged number words ("at least 15" -> 15)."""
    return NumberWords.load().parse(text)
