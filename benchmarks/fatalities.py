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
"""

from __future__ import annotations

import argparse
import sys
import time
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


def _row(name: str, hits: int, n: int) -> str:
    return f"{name:<44} {hits:>5} / {n:<5} {hits / n if n else 0.0:6.3f}"


def wiki(nlp: spacy.language.Language, *, misses: int, e2e: Callable[[str], tuple[int, int, str]] | None) -> None:
    """Print exact-match accuracy of fatalities and injuries on the Wikipedia list."""
    rows = load_wiki_terror()
    texts = [r["Description"] for r in rows]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    hit_all = hit_victims = hit_injured = hit_injured_victims = hit_range = 0
    wrong: list[str] = []
    wrong_injured: list[str] = []
    for row, doc in zip(rows, docs):
        dead, injured = _int(row["Dead"]), _int(row["Injured"])
        figures, _ = doc_figures(doc)
        best_all = fatality_total(figures)[0]
        best, low, high = fatality_total(victims_only(figures))
        ours_injured = kind_total(figures, "injured") or 0
        # The list's Injured, like its Dead, leaves the attackers out ("3 gunmen were also injured").
        ours_injured_victims = kind_total(victims_only(figures), "injured") or 0
        hit_injured_victims += ours_injured_victims == injured
        if ours_injured_victims != injured and len(wrong_injured) < misses:
            wrong_injured.append(f"  injured {injured} ours {ours_injured_victims} | {row['Description'][:220]}")
        hit_all += best_all == dead
        hit_victims += best == dead
        hit_range += (low or best) <= (dead or 0) <= (high or best)
        hit_injured += ours_injured == injured
        if best != dead and len(wrong) < misses:
            wrong.append(f"  dead {dead} ours {best} ({low}-{high}) | {row['Description'][:220]}")
    elapsed = time.perf_counter() - started
    n = len(rows)
    print(f"Wikipedia terrorist incidents: {n} descriptions, component {elapsed:.1f}s")
    print(_row("fatalities, victims only (like-for-like)", hit_victims, n))
    print(_row("fatalities, all sides (ACLED reading)", hit_all, n))
    print(_row("fatalities, gold within our low..high", hit_range, n))
    print(_row("injured", hit_injured, n))
    print(_row("injured, victims only (like-for-like)", hit_injured_victims, n))
    e2e_wrong: list[str] = []
    if e2e is not None:
        started = time.perf_counter()
        hits_victims = hits_all = hits_country = 0
        for row in rows:
            dead = _int(row["Dead"])
            victims, recorded, country = e2e(row["Description"])
            hits_victims += victims == dead
            hits_all += recorded == dead
            hits_country += country.casefold() == row["Country"].strip().casefold()
            if victims != dead and len(e2e_wrong) < misses:
                e2e_wrong.append(f"  dead {dead} ours {victims} (all sides {recorded}) | {row['Description'][:220]}")
        print(_row("fatalities, end to end, victims only", hits_victims, n)
              + f"  {time.perf_counter() - started:.1f}s")
        print(_row("fatalities, end to end, all sides (recorded)", hits_all, n))
        print(_row("country, end to end (the incident's event)", hits_country, n))
    if wrong:
        print("misses:")
        print("\n".join(wrong))
    if wrong_injured:
        print("injured misses (victims only):")
        print("\n".join(wrong_injured))
    if e2e_wrong:
        print("end-to-end misses:")
        print("\n".join(e2e_wrong))


def ucdp(nlp: spacy.language.Language, *, misses: int) -> None:
    """Print fatality and attribution agreement on UCDP GED headlines."""
    words = SourceWords.load()
    rows = [r for r in load_ucdp() if r["source_headline"].strip()]
    texts = [r["source_headline"].replace(";", ".\n") for r in rows]
    hit_best = hit_range = found = 0
    gold_known = agree = detected_on_known = 0
    wrong: list[str] = []
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=64)):
        figures, sources = doc_figures(doc)
        best = fatality_total(figures)[0]
        gold, low, high = _int(row["best"]), _int(row["low"]), _int(row["high"])
        found += bool([f for f in figures if f.kind == "killed"])
        hit_best += best == gold
        lo, hi = min(low or 0, high or 0, gold or 0), max(low or 0, high or 0, gold or 0)
        hit_range += lo <= best <= hi
        gold_kind = words.kind_of(row["source_original"]) if row["source_original"].strip() else None
        if gold_kind is not None:
            gold_known += 1
            if sources:
                detected_on_known += 1
                agree += any(s.kind == gold_kind for s in sources)
        if best != gold and len(wrong) < misses:
            wrong.append(f"  best {gold} ({low}-{high}) ours {best} | {row['source_headline'][:160]}")
    n = len(rows)
    print(f"\nUCDP GED sample: {n} events with headlines ({found} with a death figure found)")
    print(_row("fatalities = best", hit_best, n))
    print(_row("fatalities within low..high", hit_range, n))
    print(_row("attribution kind agrees (of gold classifiable)", agree, gold_known))
    print(_row("attribution kind agrees (of those we attribute)", agree, detected_on_known))
    if wrong:
        print("misses:")
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
