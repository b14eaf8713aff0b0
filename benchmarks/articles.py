"""Whole articles against the records a careful coder wrote for them (benchmarks/articles/).

Run from the project root:  .venv/bin/python -m benchmarks.articles [--details] [--only ID ...]

Each article (`<id>.txt`, published on the day `index.jsonl` gives) was written for this project
as a realistic news story, hard in the ways real reporting is (several events, background, forecasts,
disputed tolls, relative dates), and coded by a separate session that never saw Faultline's code;
`expected.jsonl` holds its ACLED-style records. The articles are grouped in sets by the letter of
their id; a set studied while changing the extractor says so in `index.jsonl` ("studied": the stop),
so the untouched sets show whether a change generalises.

An expected record is *found* when an event of the same article has its date. Records and events of
one article are paired one to one, best pairs first (same date, then the same type, sub-type,
fatalities and place). A found record then counts for *type* when the ACLED event type is the same,
*sub-type* likewise, *fatalities* when the count is the same, and *place* when the event's location or
admin1 names the record's location or admin1. Events paired with no record are *extra*.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from faultline.config import Settings
from faultline.dedup import build_event
from faultline.model import Article, Event
from faultline.pipeline import Pipeline

ARTICLES = Path(__file__).parent / "articles"
MEASURES = ("found", "type", "sub-type", "fatalities", "place")


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _same_place(record: dict, event: Event) -> bool:
    ours = {_folded(event.location), _folded(event.admin1)} - {""}
    theirs = {_folded(record.get("location", "")), _folded(record.get("admin1", ""))} - {""}
    return any(a in b or b in a for a in ours for b in theirs)


def agreements(record: dict, event: Event) -> dict[str, bool]:
    """What one event gets right about one expected record."""
    return {
        "found": str(event.event_date) == record["date"],
        "type": event.event_type == record["event_type"],
        "sub-type": event.sub_event_type == record["sub_event_type"],
        "fatalities": event.fatalities == int(record.get("fatalities") or 0),
        "place": _same_place(record, event),
    }


def pair(records: Sequence[dict], events: Sequence[Event]) -> list[tuple[dict, Event | None]]:
    """Each record with the event that agrees with it best, one to one; dates must agree."""
    scored = []
    for i, record in enumerate(records):
        for j, event in enumerate(events):
            agree = agreements(record, event)
            if agree["found"]:
                scored.append((sum(agree.values()), agree["type"], i, j))
    scored.sort(key=lambda s: (-s[0], not s[1], s[2], s[3]))
    taken_records: dict[int, int] = {}
    taken_events: set[int] = set()
    for _, _, i, j in scored:
        if i not in taken_records and j not in taken_events:
            taken_records[i] = j
            taken_events.add(j)
    return [(record, events[taken_records[i]] if i in taken_records else None) for i, record in enumerate(records)]


def load_articles(only: Iterable[str] = ()) -> list[tuple[Article, list[dict], str]]:
    """(article, its expected records, its set's label) for every indexed article."""
    wanted = set(only)
    expected: dict[str, list[dict]] = defaultdict(list)
    for line in (ARTICLES / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            expected[record["article"]].append(record)
    cases = []
    for line in (ARTICLES / "index.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if wanted and entry["id"] not in wanted:
            continue
        text = (ARTICLES / f"{entry['id']}.txt").read_text(encoding="utf-8")
        article = Article(id=entry["id"], text=text, published=dt.date.fromisoformat(entry["published"]))
        label = f"set {entry['id'][0]}" + (f" (studied in stop {entry['studied']})" if entry.get("studied") else "")
        cases.append((article, expected[entry["id"]], label))
    return cases


def _describe(event: Event | None) -> str:
    if event is None:
        return "-"
    return (f"{event.event_date} {event.sub_event_type} | {event.actor1} v {event.actor2} | {event.location}"
            f" | {event.fatalities}")


def main(argv: Sequence[str] | None = None) -> int:
    """Score every article's events against its expected records and print a table per set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print every record beside the event paired with it")
    parser.add_argument("--only", nargs="*", default=(), help="article ids to run")
    args = parser.parse_args(argv)
    pipeline = Pipeline.build(Settings())
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article, records, label in load_articles(args.only):
        events = [build_event([m]) for m in pipeline.process(article).events]
        pairs = pair(records, events)
        paired = {id(e) for _, e in pairs if e is not None}
        row = totals[label]
        row["articles"] += 1
        row["records"] += len(records)
        row["extra"] += sum(1 for e in events if id(e) not in paired)
        for record, event in pairs:
            agree = agreements(record, event) if event is not None else dict.fromkeys(MEASURES, False)
            for measure in MEASURES:
                row[measure] += agree[measure]
        if args.details:
            print(f"# {article.id} ({article.published})")
            for record, event in pairs:
                print(f"  want {record['date']} {record['sub_event_type']} | {record['actor1']} v "
                      f"{record.get('actor2', '')} | {record.get('location', '')} | {record.get('fatalities', 0)}")
                print(f"   got {_describe(event)}")
            for event in events:
                if id(event) not in paired:
                    print(f"  extra {_describe(event)}")
    header = ("articles", "records", *MEASURES, "extra")
    print(f"{'set':<28}" + "".join(f"{h:>11}" for h in header))
    for label in sorted(totals):
        row = totals[label]
        print(f"{label:<28}" + "".join(f"{row[h]:>11}" for h in header))
    print("found: a record has an event on its day; the other measures count found records that agree; "
          "extra: events with no record")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
