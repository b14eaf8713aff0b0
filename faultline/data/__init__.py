"""Domain knowledge as versioned data files, and the one reader every stage's loader uses."""

from __future__ import annotations

import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from faultline.errors import DataFileError


def read_toml(path: Path | Traversable, *, what: str) -> dict[str, Any]:
    """A knowledge file's contents; a missing or malformed file is a DataFileError naming it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DataFileError(f"cannot read {what}: {error}", subject=str(path)) from error
