"""The `faultline` command: the only place errors become messages and exit codes."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

# --- extract (lead) -------------------------------------------------------------------------

# --- geo: places, gazetteer (geo helper) ----------------------------------------------------

# --- store: ingest, events, export, show (store helper) -------------------------------------
