"""Records <-> JSON for storage: dataclasses rebuilt from their type hints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from faultline import model
from faultline.model import Event, EventMention, Mention, to_jsonable


_SCALARS = (str, int, float, bool, type(None))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value: Any) -> Any:
    """model.to_jsonable, with per-class field lists cached: the store encodes every record."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if kind is dt.date or kind is dt.datetime:
        return value.isoformat()
    if dataclasses.is_dataclass(kind):
        return {name: plain(getattr(value, name)) for name in _field_names(kind)}
    return to_jsonable(value)


def dumps(record: Any) -> str:
    """Compact JSON of a record."""
    return json.dumps(plain(record), ensure_ascii=False, separators=(",", ":"))


Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A function turning plain JSON into type `tp`, built once per type."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) != 1:
            return _identity
        one = _decoder(inner[0])
        return lambda v: None if v is None else one(v)
    if origin is tuple:
        item = _decoder(typing.get_args(tp)[0])
        return lambda v: None if v is None else tuple(item(x) for x in v)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, vars(model))
        fields = {name: _decoder(hint) for name, hint in hints.items()}

        def build(v: Any) -> Any:
            if v is None:
                return None
            return tp(**{k: fields[k](x) for k, x in v.items() if k in fields})

        return build
    if tp is dt.date:
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if tp is float:
        return lambda v: None if v is None else float(v)
    return _identity


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """A model dataclass from its to_jsonable() dict."""
    return _decoder(cls)(data)


def load_event_mention(text: str) -> EventMention:
    """An EventMention from stored JSON."""
    return from_dict(EventMention, json.loads(text))


def load_mention(text: str) -> Mention:
    """A Mention (statement) from stored JSON."""
    return from_dict(Mention, json.loads(text))


def load_event(text: str) -> Event:
    """An Event from its stored record JSON."""
    return from_dict(Event, json.loads(text))
