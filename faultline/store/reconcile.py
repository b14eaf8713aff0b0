"""Keep canonical events equal to the dedup partition of all stored reports, incrementally.

Invariant: the stored events are `dedup.partition_components` of every stored report. When
reports arrive or leave, only the *affected block* changes: the connected components that hold
the new reports' compatible neighbours or the removed reports. The block is closed under the
compatibility relation, so re-partitioning it alone gives exactly the partition a from-scratch
run would, whatever order articles came in. Events keep their identity through their anchor (the
earliest-published report, `dedup.anchor_of`); every difference becomes an event_history row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from faultline.dedup import (
    PublisherScales,
    anchor_of,
    build_event,
    compatible,
    is_event_forming,
    mention_key,
    partition_components,
)
from faultline.model import EventMention
from faultline.store.codec import plain
from faultline.store.repositories import ArticleRepository, EventRepository, HistoryRepository, MentionRepository

# Fields left out of history diffs: they are long, and their change shows in the counts.
QUIET_FIELDS: frozenset[str] = frozenset({"figures", "evidence", "attribution", "notes", "claim"})


@dataclass(slots=True)
class Changes:
    """What one reconciliation did to the canonical events."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every changed field (long fields by count only)."""
    out: dict[str, list[Any]] = {}
    for key in new:
        before, after = old.get(key), new[key]
        if before == after:
            continue
        if key in QUIET_FIELDS:
            if key == "notes":
                continue  # notes follow the other fields
            if isinstance(after, list):
                before, after, key = len(before or []), len(after), f"{key} (count)"
        out[key] = [before, after]
    return out


class Reconciler:
    """Re-partitions the affected block and writes the event changes with their history."""

    def __init__(self, *, articles: ArticleRepository, mentions: MentionRepository,
                 events: EventRepository, history: HistoryRepository,
                 scales: PublisherScales | None = None) -> None:
        self.articles = articles
        self.scales = scales or PublisherScales.load()
        self.mentions = mentions
        self.events = events
        self.history = history

    def neighbours(self, new: Sequence[tuple[int, EventMention]]) -> set[int]:
        """Row ids of stored reports compatible with any new report (blocked query, not a scan)."""
        new_ids = {mid for mid, _ in new}
        found: set[int] = set()
        for _, m in new:
            if not is_event_forming(m):
                continue
            found |= {cid for cid, c in self.mentions.candidates(m)
                      if cid not in new_ids and compatible(m, c)}
        return found

    def reconcile(self, *, new: Sequence[tuple[int, EventMention]], touched_events: Iterable[str],
                  article_id: str | None, reason: str) -> Changes:
        """Bring the events of the affected block up to date; call inside the write transaction."""
        seeds = set(touched_events) | self.events.of_mentions(self.neighbours(new))
        old_rows = self.events.in_components_of(seeds) if seeds else []
        old_ids = [event_id for event_id, _, _ in old_rows]
        block = self.mentions.of_events(old_ids) + [(mid, m) for mid, m in new if is_event_forming(m)]
        row_of = {mention_key(m): mid for mid, m in block}
        old_event_of: dict[int, str] = {}
        for event_id in old_ids:
            for mid in self.events.mention_ids(event_id):
                old_event_of[mid] = event_id
        published = self.articles.published({m.article_id for _, m in block})

        planned = []  # (event, anchor, component, mention row ids)
        for comp in partition_components([m for _, m in block]):
            component = mention_key(comp[0][0])
            for incident in comp:
                event = build_event(incident, published=published, scales=self.scales)
                planned.append((event, anchor_of(incident, published), component,
                                [row_of[mention_key(m)] for m in incident]))
        return self._write(old_rows, planned, old_event_of, article_id=article_id, reason=reason)

    def _write(self, old_rows: Sequence[tuple[str, str, str]], planned: Sequence[tuple],
               old_event_of: dict[int, str], *, article_id: str | None, reason: str) -> Changes:
        """Apply the planned events over the old ones and record the history."""
        changes = Changes()
        old_by_id = {event_id: (anchor, json.loads(record)) for event_id, anchor, record in old_rows}
        new_ids = {event.event_id_cnty for event, _, _, _ in planned}
        kept = {event_id for event_id, (anchor, _) in old_by_id.items()
                if event_id in new_ids and any(a == anchor for _, a, _, _ in planned)}
        # Where each old event's reports went, to tell a merge from a deletion.
        went_to: dict[str, set[str]] = {}
        for event, _, _, rows in planned:
            for mid in rows:
                source = old_event_of.get(mid)
                if source is not None:
                    went_to.setdefault(source, set()).add(event.event_id_cnty)
        for event_id in old_by_id:
            if event_id in kept:
                continue
            self.events.delete(event_id)
            targets = sorted(went_to.get(event_id, set()))
            action = "merged" if targets else "deleted"
            self.history.add(event_id, action=action, reason=reason, article_id=article_id,
                             changes={"into": targets} if targets else {})
            changes.deleted.append(event_id)
        self.events.unlink(kept)
        for event, anchor, component, rows in planned:
            event_id = event.event_id_cnty
            record = plain(event)
            if event_id in kept:
                delta = diff(old_by_id[event_id][1], record)
                self.events.write(event, anchor=anchor, component=component, replace=True)
                if delta:
                    self.history.add(event_id, action="updated", reason=reason, article_id=article_id,
                                     changes=delta)
                    changes.updated.append(event_id)
            else:
                self.events.write(event, anchor=anchor, component=component, replace=False)
                sources = sorted({old_event_of[mid] for mid in rows if mid in old_event_of})
                # "split" when an old event's reports went to several events; else a creation,
                # possibly absorbing old events (re-identified or merged).
                split = any(len(went_to.get(src, ())) > 1 for src in sources)
                self.history.add(event_id, action="split" if split else "created", reason=reason,
                                 article_id=article_id, changes={"from": sources} if sources else {})
                changes.created.append(event_id)
            self.events.link(event_id, rows)
        return changes
