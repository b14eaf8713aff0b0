"""What the user named, expanded into one reference per readable input."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

InputKind = Literal["stdin", "file", "url", "missing"]

STDIN_NAME = "<stdin>"
_URL = re.compile(r"^https?://", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input: standard input, a file, a URL, or a name that could not be found."""

    name: str  # shown in rejections and progress: the path, URL or "<stdin>"
    kind: InputKind
    path: Path | None = None
    problem: str | None = None  # why a "missing" input cannot be read


def expand_inputs(inputs: Sequence[str]) -> list[InputRef]:
    """One InputRef per file, URL or stdin; directories expand to their files, sorted."""
    refs: list[InputRef] = []
    for raw in inputs:
        refs.extend(_expand(raw))
    return refs


def _expand(raw: str) -> Iterator[InputRef]:
    """The refs one command-line input stands for."""
    if raw == "-":
        yield InputRef(name=STDIN_NAME, kind="stdin")
    elif _URL.match(raw):
        yield InputRef(name=raw, kind="url")
    elif _OTHER_SCHEME.match(raw):
        yield InputRef(name=raw, kind="missing", problem="unsupported URL scheme (http and https only)")
    else:
        path = Path(raw)
        if path.is_dir():
            yield from (InputRef(name=str(p), kind="file", path=p) for p in walk_directory(path))
        elif path.exists():
            yield InputRef(name=raw, kind="file", path=path)
        else:
            yield InputRef(name=raw, kind="missing", problem="no such file or directory")


def walk_directory(root: Path) -> list[Path]:
    """Regular files under `root`, recursively, sorted, hidden files and folders skipped."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    return sorted((p for p in found if p.is_file()), key=lambda p: p.relative_to(root).parts)
