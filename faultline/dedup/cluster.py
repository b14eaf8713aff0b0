"""Reports -> incidents: an order-independent partition of EventMentions.

The partition is defined on the *set* of reports, never on their arrival order:
1. the compatibility graph (`similarity.compatible`) is split into connected components;
2. a component holding two reports from the same article (which must stay apart) is re-split by
   a deterministic greedy pass over its reports in canonical order (`split_component`).
Both steps depend only on the set of reports, so any permutation gives the same events. The
store keeps this invariant incrementally by re-running both steps on the affected block.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from faultline.dedup.event import canonical, mention_key
from faultline.dedup.similarity import (
    MAX_DAY_WINDOW,
    compatible,
    country_key,
    is_event_forming,
    similarity,
)
from faultline.model import EventMention


class _UnionFind:
    """Disjoint sets over integer ids."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of i's set (with path halving)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of i and j; the smaller root wins so roots are deterministic."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def split_component(component: Sequence[EventMention]) -> list[list[EventMention]]:
    """Re-split a connected component so no incident holds two reports of one article."""
    ms = canonical(component)
    if len({m.article_id for m in ms}) == len(ms):
        return [ms]
    clusters: list[list[EventMention]] = []
    for m in ms:
        best, best_score = None, float("-inf")
        for cluster in clusters:
            if any(x.article_id == m.article_id for x in cluster):
                continue
            scores = [similarity(m, x) for x in cluster if compatible(m, x)]
            if scores and max(scores) > best_score:
                best, best_score = cluster, max(scores)
        if best is None:
            clusters.append([m])
        else:
            best.append(m)
    return clusters


def components(mentions: Sequence[EventMention], edges: Iterable[tuple[int, int]]) -> list[list[EventMention]]:
    """Connected components of `mentions` under index pairs `edges`."""
    uf = _UnionFind(len(mentions))
    for i, j in edges:
        uf.union(i, j)
    groups: dict[int, list[EventMention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[uf.find(i)].append(m)
    return list(groups.values())


def pairwise_edges(mentions: Sequence[EventMention]) -> list[tuple[int, int]]:
    """Every compatible pair (quadratic: a reference for tests, never used on a store)."""
    return [
        (i, j)
        for i in range(len(mentions))
        for j in range(i + 1, len(mentions))
        if compatible(mentions[i], mentions[j])
    ]


def blocked_edges(mentions: Sequence[EventMention]) -> list[tuple[int, int]]:
    """Compatible pairs found by blocking on (country, date window): never all pairs."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.event_date is not None and is_event_forming(m):
            by_country[country_key(m)].append(i)
    edges = []
    for ids in by_country.values():
        ids.sort(key=lambda i: mentions[i].event_date)  # type: ignore[arg-type, return-value]
        for pos, i in enumerate(ids):
            day = mentions[i].event_date
            for j in ids[pos + 1:]:
                if (mentions[j].event_date - day).days > MAX_DAY_WINDOW:  # type: ignore[operator]
                    break
                if compatible(mentions[i], mentions[j]):
                    edges.append((i, j))
    return edges


def partition_components(mentions: Iterable[EventMention]) -> list[list[list[EventMention]]]:
    """Connected components, each split into its incidents; all sorted canonically."""
    ms = canonical(m for m in mentions if is_event_forming(m))
    comps = [sorted(split_component(comp), key=lambda c: mention_key(c[0]))
             for comp in components(ms, blocked_edges(ms))]
    return sorted(comps, key=lambda comp: mention_key(comp[0][0]))


def cluster(mentions: Iterable[EventMention]) -> list[list[EventMention]]:
    """Group reports of the same incident; reports that cannot form events are dropped."""
    out = [c for comp in partition_components(mentions) for c in comp]
    return sorted(out, key=lambda c: mention_key(c[0]))


def partition(block: Sequence[EventMention]) -> list[list[EventMention]]:
    """The reference partition, from every pair of a small block (for tests and checks)."""
    ms = canonical(m for m in block if is_event_forming(m))
    out = [c for comp in components(ms, pairwise_edges(ms)) for c in split_component(comp)]
    return sorted(out, key=lambda c: mention_key(c[0]))
