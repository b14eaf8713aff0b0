"""The `faultline` command: the only place errors become messages and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from faultline.config import Settings
from faultline.errors import FaultlineError
from faultline.model import Article, Event, Rejection, to_jsonable

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
stderr = Console(stderr=True)


def fail(error: FaultlineError, *, code: int = 1) -> typer.Exit:
    """Print a typed error as one line on stderr; the caller raises the returned Exit."""
    stderr.print(f"[red]error[/red] {error.one_line()}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def report_rejection(rejection: Rejection) -> None:
    """One line on stderr naming the input and why it was skipped."""
    stderr.print(
        f"[yellow]skipped[/yellow] {rejection.article_id}: {rejection.reason} ({rejection.code})",
        highlight=False,
        soft_wrap=True,
    )


def parse_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from error


def progress_bar() -> Progress:
    """A progress bar on stderr, drawn only when stderr is a terminal (output stays clean in pipes)."""
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not stderr.is_terminal,
    )

@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False) -> None:
    """Conflict news in, evidence-backed, geocoded ACLED-style event records out."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=stderr, show_path=False, show_time=False)],
    )


# --- extract (lead) -------------------------------------------------------------------------


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    geojson = "geojson"


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    output_format: Annotated[
        ExtractFormat | None,
        typer.Option("--format", help="Output format (default: table on a terminal, jsonl when piped)."),
    ] = None,
    all_mentions: Annotated[
        bool, typer.Option("--all-mentions", help="Also print non-event statements with their modality.")
    ] = False,
    full_parse: Annotated[
        bool, typer.Option("--full-parse", help="Parse every sentence, not only those with event cues.")
    ] = False,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching private/loopback URLs.")] = False,
) -> None:
    """Read news articles and print the events they report, with evidence."""
    from faultline.dedup import build_event
    from faultline.export import write_events
    from faultline.ingest import read_inputs
    from faultline.pipeline import Pipeline

    settings = Settings(published=parse_day(published), full_parse=full_parse, allow_private=allow_private)
    fmt = output_format.value if output_format else ("table" if sys.stdout.isatty() else "jsonl")
    if all_mentions and fmt in ("csv", "geojson"):
        raise typer.BadParameter("--all-mentions needs --format table, jsonl or json", param_hint="--all-mentions")
    try:
        pipeline = Pipeline.build(settings)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    read = 0
    events: list[Event] = []
    mentions: list[dict] = []
    with progress_bar() as bar:
        task = bar.add_task("extracting", total=None)
        for result in pipeline.process_many(_articles(read_inputs(inputs, settings))):
            bar.advance(task)
            for rejection in result.rejections:
                report_rejection(rejection)
            if result.rejections:
                continue
            read += 1
            article_events = [build_event([mention]) for mention in result.events]
            article_mentions = [to_jsonable(m) for m in result.mentions] if all_mentions else []
            if fmt == "jsonl":
                _print_jsonl(article_events, article_mentions)
            else:
                events.extend(article_events)
                mentions.extend(article_mentions)
    if fmt == "table":
        _print_tables(events, mentions, all_mentions=all_mentions)
    elif fmt == "json" and all_mentions:
        json.dump({"events": [e.to_record() for e in events], "mentions": mentions}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif fmt != "jsonl":
        write_events(events, fmt, sys.stdout)
    if read == 0:
        stderr.print("[red]error[/red] no input could be read", highlight=False)
        raise typer.Exit(1)


def _articles(items: Iterable[Article | Rejection]) -> Iterator[Article]:
    """Articles pass on; rejected inputs are reported at once and skipped."""
    for item in items:
        if isinstance(item, Rejection):
            report_rejection(item)
        else:
            yield item


def _print_jsonl(events: list[Event], mentions: list[dict]) -> None:
    out: TextIO = sys.stdout
    for event in events:
        out.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
    for mention in mentions:
        out.write(json.dumps({"record_type": "mention", **mention}, ensure_ascii=False) + "\n")
    out.flush()


def _print_tables(events: list[Event], mentions: list[dict], *, all_mentions: bool) -> None:
    console = Console()
    table = Table(title=f"{len(events)} events", show_lines=True)
    for column in ("date", "type", "actors", "location", "fatalities", "according to"):
        table.add_column(column, overflow="fold")
    for event in events:
        actors = " vs ".join(a for a in (event.actor1, event.actor2) if a) or "-"
        place = ", ".join(p for p in (event.location, event.admin1, event.country) if p) or "-"
        if event.geo_precision:
            place += f" (precision {event.geo_precision})"
        deaths = str(event.fatalities)
        extra = [f"{n} {label}" for n, label in ((event.injured, "injured"), (event.captured, "captured")) if n]
        if extra:
            deaths += " (" + ", ".join(extra) + ")"
        sources = "; ".join(sorted({a.source for a in event.attribution})) or "-"
        table.add_row(
            f"{event.event_date or '-'} (p{event.time_precision})",
            f"{event.event_type}\n{event.sub_event_type}",
            actors,
            place,
            deaths,
            sources,
        )
    console.print(table)
    if all_mentions:
        statements = Table(title=f"{len(mentions)} statements", show_lines=False)
        for column in ("article", "modality", "type", "sentence"):
            statements.add_column(column, overflow="fold")
        for mention in mentions:
            statements.add_row(
                mention["article_id"], mention["modality"], mention.get("sub_event_type") or "-",
                mention["sentence"]["text"],
            )
        console.print(statements)


# --- geo: places, gazetteer (geo helper) ----------------------------------------------------

# --- store: ingest, events, export, show (store helper) -------------------------------------
