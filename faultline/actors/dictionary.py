"""The actor dictionary: finds actors in sentences, reads their roles, names them ACLED's way."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Span as SpacySpan

from faultline.actors.catalogue import Catalogue, NamingEras, load_catalogue
from faultline.actors.finder import ActorFinder
from faultline.actors.roles import RoleReader, Sides
from faultline.model import Actor, Span


def interaction(inter1: int | None, inter2: int | None = None) -> int | None:
    """ACLED's interaction code: the two actor types, lower first; an actor alone gives 10, 20, ..."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


class ActorDictionary:
    """Canonical actors, aliases and naming rules from faultline/data, with the matchers built once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._finder = ActorFinder(catalogue)
        self._roles = RoleReader(civilians=self._civilians, state_forces=self._state_forces, recast=self._recast,
                                 unidentified=self._unidentified, named_group=self._finder.named_group)
        eras = [era for entry in catalogue.named for era in entry.eras()]
        self._sub_units = {(e.kind, e.country): e.sub_unit for e in eras if e.sub_unit}
        self._eras = NamingEras(catalogue)

    @classmethod
    def load(cls, path: Path | None = None) -> ActorDictionary:
        """Load actors.toml (or `path`) with the packaged generic actor words, countries and demonyms."""
        return cls(load_catalogue(path))

    @property
    def version(self) -> str:
        """The version of the actor data file."""
        return self.catalogue.version

    def find_actors(self, sent: SpacySpan, offset: int, *, on: dt.date | None = None) -> list[Actor]:
        """Every actor mentioned in a sentence, in text order, with absolute article offsets.

        Actors are named and coded as they were on `on`, the event's day: the Taliban are a rebel
        group before 15 August 2021 and Afghanistan's state forces since. None names them as today.
        """
        return self._finder.find(sent, offset, on=on)

    def is_alias(self, text: str) -> bool:
        """Whether the words are a named actor's alias ("White House"): a place so written stands for the actor."""
        return self._finder.is_alias(text)

    def names_alike(self, day: dt.date | None, other: dt.date | None) -> bool:
        """Whether actors found for one day keep their names and codes on the other (None: today)."""
        return self._eras.alike(day, other)

    def assign_roles(self, sent: SpacySpan, offset: int, *, trigger: tuple[int, int], actors: Sequence[Actor],
                     sub_event_type: str, on: dt.date | None = None) -> tuple[Actor | None, Actor | None]:
        """Actor1 (the initiator) and actor2 (the target or other side) of the event at `trigger`."""
        sides = self.assign_sides(sent, offset, trigger=trigger, actors=actors, sub_event_type=sub_event_type, on=on)
        return sides.actor1, sides.actor2

    def assign_sides(self, sent: SpacySpan, offset: int, *, trigger: tuple[int, int], actors: Sequence[Actor],
                     sub_event_type: str, on: dt.date | None = None) -> Sides:
        """Actor1, actor2 and the actors associated with each side (assoc_actor_1, assoc_actor_2); actors the
        roles name themselves ("a US strike") are named as on `on`, like `actors`."""
        return self._roles.read(sent, offset, trigger=trigger, actors=actors, sub_event_type=sub_event_type, on=on)

    def localise(self, actor: Actor, iso2: str, *, on: dt.date | None = None) -> Actor:
        """The actor named for the event's country, as on the event's day, when its own country was unknown."""
        return self._finder.localise(actor, iso2, on=on)

    def sub_unit(self, actor: Actor) -> str | None:
        """ACLED's sub-unit for a state actor ("Border Guards", "National Guard"), if any."""
        if (actor.kind, actor.country) in self._sub_units:
            return self._sub_units[(actor.kind, actor.country)]
        entry = self._finder.generic_entry(actor.kind)
        return entry.sub_unit if entry is not None else None

    @staticmethod
    def interaction(inter1: int | None, inter2: int | None = None) -> int | None:
        """ACLED's interaction code; see the module function."""
        return interaction(inter1, inter2)

    def civilians(self, span: Span) -> Actor:
        """Civilians, of no known country yet, as the words at `span` name them ("two people")."""
        return self._civilians(span)

    def _civilians(self, span: Span) -> Actor:
        entry = self._finder.generic_entry("civilians")
        assert entry is not None  # the schema test guarantees the civilians entry
        return Actor(name=entry.unknown, text=span.text, inter=entry.inter, span=span, kind=entry.kind)

    def _unidentified(self, kind: str, span: Span) -> Actor:
        entry = self._finder.generic_entry(kind)
        assert entry is not None  # the schema test guarantees the unidentified and military aircraft entries
        return Actor(name=entry.unknown, text=span.text, inter=entry.inter, span=span, kind=entry.kind, inferred=True)

    def _recast(self, actor: Actor, kind: str) -> Actor:
        entry = self._finder.generic_entry(kind)
        assert entry is not None  # the schema test guarantees protesters and rioters
        name = self.catalogue.countries.render(entry.name, actor.country, unknown=entry.unknown)
        return dataclasses.replace(actor, name=name, inter=entry.inter, kind=entry.kind)

    def _state_forces(self, words: SpacySpan, offset: int, *, capitals: bool = False,
                      on: dt.date | None = None) -> Actor | None:
        countries = self.catalogue.countries
        texts = [t.text for t in words]
        iso2 = countries.lookup(texts) or (countries.capital_of(texts) if capitals else None)
        entry = self._finder.generic_entry("military")
        if iso2 is None or entry is None:
            return None
        start, end = offset + words.start_char, offset + words.end_char
        name = self.catalogue.countries.render(entry.name, iso2, unknown=entry.unknown, on=on)
        return Actor(name=name, text=words.text, inter=entry.inter, span=Span(start, end, words.text),
                     country=iso2, kind=entry.kind)

