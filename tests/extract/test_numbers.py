"""Quantity phrases read as conservative counts (faultline.extract.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faultline.errors import DataFileError
from faultline.extract.numbers import NumberWords, parse_quantity

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """English words for 0..999 999, written the way newswire does."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return UNITS[n // 100] + " hundred" + (" and " + spell(rest) if rest else "")
    rest = n % 1000
    return spell(n // 1000) + " thousand" + (" " + spell(rest) if rest else "")


@pytest.mark.parametrize(("text", "count", "low", "high", "approximate"), [
    ("15", 15, None, None, False),
    ("1,200", 1200, None, None, False),
    ("fifteen", 15, None, None, False),
    ("twenty-one", 21, None, None, False),
    ("a dozen", 12, None, None, False),
    ("dozen", 12, None, None, False),
    ("two dozen", 24, None, None, False),
    ("half a dozen", 6, None, None, False),
    ("dozens", 12, None, None, True),
    ("tens", 10, None, None, True),
    ("scores", 20, None, None, True),
    ("hundreds", 100, None, None, True),
    ("thousands", 1000, None, None, True),
    ("several", 3, None, None, True),
    ("a few", 2, None, None, True),
    ("at least 15", 15, 15, None, False),
    ("more than 20", 20, 20, None, False),
    ("over 300", 300, 300, None, False),
    ("up to 30", 30, None, 30, True),
    ("as many as 40", 40, None, 40, True),
    ("10 to 15", 10, 10, 15, False),
    ("10-15", 10, 10, 15, False),
    ("between 10 and 15", 10, 10, 15, False),
    ("about 20", 20, None, None, True),
    ("some twenty", 20, None, None, True),
    ("one hundred and twenty", 120, None, None, False),
    ("1.5 million", 1_500_000, None, None, False),
    ("At Least Seven", 7, 7, None, False),
])
def test_parse_reads_each_phrasing(text, count, low, high, approximate):
    q = parse_quantity(text)
    assert q is not None
    assert (q.count, q.low, q.high, q.approximate) == (count, low, high, approximate)


@pytest.mark.parametrize("text", ["", "people", "an", "10-year-old", "2020s", "seventeenth"])
def test_parse_refuses_non_quantities(text):
    assert parse_quantity(text) is None


def test_find_skips_measures_and_keeps_offsets():
    text = "an 18-year-old man and at least 15 attackers, 3 km away"
    found = NumberWords.load().find(text)
    assert [(text[q.start:q.end], q.count) for q in found] == [("at least 15", 15)]


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_and_without_commas(n):
    assert parse_quantity(str(n)).count == n
    assert parse_quantity(f"{n:,}").count == n


@given(st.integers(min_value=0, max_value=999_999))
def test_spelled_numbers(n):
    assert parse_quantity(spell(n)).count == n


@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=1, max_value=5000),
       st.sampled_from(["{a} to {b}", "{a}-{b}", "between {a} and {b}", "{a} or {b}"]))
def test_ranges_count_the_lower_end(a, b, form):
    q = parse_quantity(form.format(a=a, b=b))
    assert (q.count, q.low, q.high) == (min(a, b), min(a, b), max(a, b))


@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(["at least", "more than", "over"]))
def test_floors_count_the_floor(n, mod):
    q = parse_quantity(f"{mod} {n:,}")
    assert (q.count, q.low) == (n, n)


def test_malformed_data_file_is_a_typed_error(tmp_path):
    bad = tmp_path / "numbers.toml"
    bad.write_text("[units]\none = 1\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        NumberWords.load(bad)


def test_words_that_count_only_alone_are_no_quantity_phrase():
    words = NumberWords.load()
    assert words.alone["another"] == 1
    # "another 29" is 29 more people: the word itself is no count in running text.
    assert [q.count for q in words.find("another 29 were injured")] == [29]
    assert parse_quantity("another") is None


def test_deaths_in_a_shared_count_are_documented_as_one():
    assert NumberWords.load().unnumbered_mixed == 1
