"""Fatality, injury and attribution accuracy on Wikipedia incident summaries and UCDP headlines.

Run from the project root:  .venv/bin/python -m benchmarks.fatalities [--misses N] [--no-e2e]

Wikipedia (../shared/data/wiki-terror-incidents): each description is one incident. The component
figure runs find_figures over every sentence and fatality_total over all of them. The list counts
victims and leaves the perpetrators out ("the attacker was shot dead" adds nothing to Dead), while
ACLED counts every death; both readings are printed, the victims-only one is the like-for-like score.
Injured is printed both ways too: over every figure, and victims only like the list.
The end-to-end figure runs faultline.extract_text and takes the largest event's fatalities, both as
recorded (every side, the ACLED reading) and, like-for-like with the list, the victims' total (the
event's figures without the perpetrators'). An article with no event scores 0.

UCDP (../shared/data/ucdp-ged): `source_headline` (";"-joined headlines) against `best`, and against
the `low`..`high` range. One GED event often aggregates several reports, so headlines may count a
wider or narrower incident: read it as a noisy check. Attribution agrees when the kind we find in the
headlines equals the kind of `source_original` read with the same source-word table.

Both sets are split by row position: develop on the odd rows (--misses lists only those), check that
the even rows move too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import spacy

from benchmarks.datasets import load_ucdp, load_wiki_terror
from faultline.config import Settings
from faultline.extract.attribution import SourceWords, find_attribution
from faultline.extract.figures import find_figures
from faultline.extract.totals import fatality_total, kind_total, side_class
from faultline.model import Attribution, Event, Figure


def doc_figures(doc: spacy.tokens.Doc) -> tuple[list[Figure], list[Attribution]]:
    """Every figure in a parsed text, each carrying its sentence's attribution."""
    figures: list[Figure] = []
    sources: list[Attribution] = []
    for sent in doc.sents:
        attribution = find_attribution(sent, 0)
        if attribution is not None:
            sources.append(attribution)
        figures.extend(find_figures(sent, 0, attribution=attribution))
    return figures, sources


def victims_only(figures: Iterable[Figure]) -> list[Figure]:
    """The figures that count victims: the list's Dead leaves the attackers out."""
    return [f for f in figures if side_class(f) != "perpetrators"]


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


HALVES = ("odd (dev)", "even (held out)", "all")


def _half(index: int) -> str:
    """Which half a row belongs to: develop on the odd rows, check on the even ones."""
    return HALVES[0] if index % 2 else HALVES[1]


def _table(title: str | None, rows: Sequence[tuple[str, Sequence[bool]]], halves: Sequence[str]) -> str:
    """Accuracy per measure (row) and half (column): hits / n and the share; no header without a title."""
    lines = [] if title is None else [title, " " * 46 + "".join(f"{h:>22}" for h in HALVES)]
    for name, hits in rows:
        cells = []
        for half in HALVES:
            picked = [h for h, which in zip(hits, halves) if half == "all" or which == half]
            n = len(picked)
            cells.append(f"{sum(picked):>5} / {n:<4} {sum(picked) / n if n else 0.0:6.3f}")
        lines.append(f"{name:<46}" + "".join(f"{c:>22}" for c in cells))
    return "\n".join(lines)


def wiki(nlp: spacy.language.Language, *, misses: int, e2e: Callable[[str], tuple[int, int, str]] | None) -> None:
    """Print exact-match accuracy of fatalities and injuries on the Wikipedia list, per half."""
    rows = load_wiki_terror()
    halves = [_half(i) for i in range(len(rows))]
    texts = [r["Description"] for r in rows]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    scores: dict[str, list[bool]] = defaultdict(list)
    wrong: list[str] = []
    wrong_injured: list[str] = []
    for index, (row, doc) in enumerate(zip(rows, docs)):
        dead, injured = _int(row["Dead"]), _int(row["Injured"])
        figures, _ = doc_figures(doc)
        best_all = fatality_total(figures)[0]
        best, low, high = fatality_total(victims_only(figures))
        ours_injured = kind_total(figures, "injured") or 0
        # The list's Injured, like its Dead, leaves the attackers out ("3 gunmen were also injured").
        ours_injured_victims = kind_total(victims_only(figures), "injured") or 0
        scores["fatalities, victims only (like-for-like)"].append(best == dead)
        scores["fatalities, all sides (ACLED reading)"].append(best_all == dead)
        scores["fatalities, gold within our low..high"].append((low or best) <= (dead or 0) <= (high or best))
        scores["injured"].append(ours_injured == injured)
        scores["injured, victims only (like-for-like)"].append(ours_injured_victims == injured)
        if not index % 2:
            continue  # misses are listed from the dev half only
        if ours_injured_victims != injured and len(wrong_injured) < misses:
            wrong_injured.append(f"  [{index}] injured {injured} ours {ours_injured_victims} | {row['Description'][:220]}")
        if best != dead and len(wrong) < misses:
            wrong.append(f"  [{index}] dead {dead} ours {best} ({low}-{high}) | {row['Description'][:220]}")
    elapsed = time.perf_counter() - started
    e2e_wrong: list[str] = []
    e2e_elapsed = 0.0
    if e2e is not None:
        started = time.perf_counter()
        for index, row in enumerate(rows):
            dead = _int(row["Dead"])
            victims, recorded, country = e2e(row["Description"])
            scores["fatalities, end to end, victims only"].append(victims == dead)
            scores["fatalities, end to end, all sides (recorded)"].append(recorded == dead)
            scores["country, end to end (the incident's event)"].append(
                country.casefold() == row["Country"].strip().casefold())
            if index % 2 and victims != dead and len(e2e_wrong) < misses:
                e2e_wrong.append(f"  [{index}] dead {dead} ours {victims} (all sides {recorded}) | "
                                 f"{row['Description'][:220]}")
        e2e_elapsed = time.perf_counter() - started
    title = f"Wikipedia terrorist incidents: {len(rows)} descriptions, component {elapsed:.1f}s" + (
        f", end to end {e2e_elapsed:.1f}s" if e2e is not None else "")
    print(_table(title, list(scores.items()), halves))
    for label, lines in (("misses (dev half)", wrong), ("injured misses, victims only (dev half)", wrong_injured),
                         ("end-to-end misses (dev half)", e2e_wrong)):
        if lines:
            print(f"{label}:")
            print("\n".join(lines))


def ucdp(nlp: spacy.language.Language, *, misses: int) -> None:
    """Print fatality and attribution agreement on UCDP GED headlines, per half."""
    words = SourceWords.load()
    rows = [r for r in load_ucdp() if r["source_headline"].strip()]
    halves = [_half(i) for i in range(len(rows))]
    texts = [r["source_headline"].replace(";", ".\n") for r in rows]
    found = 0
    scores: dict[str, list[bool]] = defaultdict(list)
    known_halves: list[str] = []
    attributed_halves: list[str] = []
    agree_known: list[bool] = []
    agree_attributed: list[bool] = []
    wrong: list[str] = []
    for index, (row, doc) in enumerate(zip(rows, nlp.pipe(texts, batch_size=64))):
        figures, sources = doc_figures(doc)
        best = fatality_total(figures)[0]
        gold, low, high = _int(row["best"]), _int(row["low"]), _int(row["high"])
        found += bool([f for f in figures if f.kind == "killed"])
        lo, hi = min(low or 0, high or 0, gold or 0), max(low or 0, high or 0, gold or 0)
        scores["fatalities = best"].append(best == gold)
        scores["fatalities within low..high"].append(lo <= best <= hi)
        gold_kind = words.kind_of(row["source_original"]) if row["source_original"].strip() else None
        if gold_kind is not None:
            agrees = any(s.kind == gold_kind for s in sources)
            known_halves.append(halves[index])
            agree_known.append(agrees)
            if sources:
                attributed_halves.append(halves[index])
                agree_attributed.append(agrees)
        if index % 2 and best != gold and len(wrong) < misses:
            wrong.append(f"  [{index}] best {gold} ({low}-{high}) ours {best} | {row['source_headline'][:160]}")
    print()
    print(_table(f"UCDP GED sample: {len(rows)} headlined events ({found} with a death figure found)",
                 list(scores.items()), halves))
    print(_table(None, [("attribution kind agrees (of gold classifiable)", agree_known)], known_halves))
    print(_table(None, [("attribution kind agrees (of those we attribute)", agree_attributed)], attributed_halves))
    if wrong:
        print("misses (dev half):")
        print("\n".join(wrong))


def end_to_end_scorer() -> Callable[[str], tuple[int, int, str]] | None:
    """The end-to-end scorer: the largest victims' total, the largest recorded fatalities, and the
    country of the event with the most fatalities ("" when no event is found)."""
    try:
        from faultline import extract_text
    except ImportError:
        return None

    def victims(event: Event) -> int:
        return fatality_total(victims_only(event.figures))[0]

    def score(text: str) -> tuple[int, int, str]:
        events = extract_text(text)
        main = max(events, key=lambda e: e.fatalities, default=None)
        return (max((victims(e) for e in events), default=0), max((e.fatalities for e in events), default=0),
                main.country if main else "")

    return score


def main(argv: Sequence[str] | None = None) -> int:
    """Run both datasets and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per dataset")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end extract_text run")
    args = parser.parse_args(argv)
    nlp = spacy.load(Settings().spacy_model)
    wiki(nlp, misses=args.misses, e2e=None if args.no_e2e else end_to_end_scorer())
    ucdp(nlp, misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
