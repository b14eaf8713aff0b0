"""Faultline's dedup stage: article-level reports -> canonical, order-independent events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from faultline.dedup.cluster import cluster, partition, partition_components, split_component
from faultline.dedup.event import anchor_of, build_event, canonical, fatality_range, mention_key
from faultline.dedup.scales import PublisherScales
from faultline.dedup.similarity import compatible, country_key, is_event_forming
from faultline.model import Event, EventMention


def build_events(
    mentions: Iterable[EventMention],
    *,
    published: Mapping[str, dt.date | None] | None = None,
    scales: PublisherScales | None = None,
) -> list[Event]:
    """Cluster reports into incidents and build one Event per incident."""
    return [build_event(c, published=published, scales=scales) for c in cluster(mentions)]


__all__ = [
    "PublisherScales", "anchor_of", "build_event", "build_events", "canonical", "cluster", "compatible", "country_key",
    "fatality_range", "is_event_forming", "mention_key", "partition", "partition_components",
    "split_component",
]
