"""The extraction pipeline: Article -> parsed windows -> statements and incidents -> geocoded incidents."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from faultline.actors import ActorDictionary
from faultline.config import Settings
from faultline.errors import FaultlineError
from faultline.extract import dates as date_rules
from faultline.extract.attribution import SourceWords
from faultline.extract.extractor import Extractor
from faultline.extract.figures import CasualtyTerms
from faultline.extract.places import load_place_role_cues
from faultline.extract.typing import STATE_FORCES, EventTyper
from faultline.geo import Gazetteer, Geocoder, find_toponyms, load_gazetteer
from faultline.model import Actor, Article, EventMention, Mention, Place, Rejection, Span, Toponym, Unresolved
from faultline.nlp import ArticleParser, Window, build_nlp
from faultline.nlp.parser import batches

log = logging.getLogger(__name__)

# Places tried per incident: its main place and a few others its statements name.
MAX_PLACE_CANDIDATES = 4
# UCDP where_prec of a country's centre: only a place inside the country refines it (see _within).
COUNTRY_PRECISION = 6
# GeoNames features of the open sea: refined by no land place (a river or lake may be, by the town on it)
MARINE_FEATURES = frozenset({"H.SEA", "H.OCN", "H.GULF", "H.BAY", "H.STRT", "H.CHN"})
# A first-order unit written as one ("Hasakah province") is read from the text, not guessed: only
# places inside it refine it (see _within).
_WRITTEN_UNIT = re.compile(r"\b(?:province|governorate|state|region|oblast|prefecture|department)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything extracted from one article, or why it was rejected."""

    article: Article
    events: list[EventMention]
    mentions: list[Mention]
    toponyms: list[Toponym]
    rejections: list[Rejection]


class Pipeline:
    """Extraction with its services (model, lexicons, gazetteer) built once and reused."""

    def __init__(
        self,
        settings: Settings,
        *,
        parser: ArticleParser,
        extractor: Extractor,
        actors: ActorDictionary,
        geocoder: Geocoder,
    ) -> None:
        self.settings = settings
        self.parser = parser
        self.extractor = extractor
        self.actors = actors
        self.geocoder = geocoder

    @classmethod
    def build(cls, settings: Settings) -> "Pipeline":
        """Load the model, the knowledge files and the gazetteer named by `settings`."""
        typer = EventTyper.load()
        actors = ActorDictionary.load()
        extractor = Extractor(typer=typer, actors=actors, place_cues=load_place_role_cues())
        return cls(
            settings,
            parser=build_nlp(
                settings, cue_pattern=typer.cue_pattern(),
                follow_words=CasualtyTerms.load().cue_words() | SourceWords.load().claim_follow_words
                | typer.follow_words(),
                follow_opening=rf"(?:{date_rules.DAY_OPENING})|(?:{typer.reference_opening()})",
            ),
            extractor=extractor,
            actors=actors,
            geocoder=Geocoder(load_gazetteer(settings)),
        )

    def process(self, article: Article) -> ArticleResult:
        """Extract and geocode the incidents of one article."""
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Extract from many articles, batching the model; results come in input order.

        With `settings.workers` above 1, batches go to that many forked worker processes, each
        with this pipeline's loaded model and lexicons (copied on write, not reloaded).
        """
        articles = self._with_defaults(articles)
        if self.settings.workers <= 1:
            yield from self._process_here(articles)
            return
        context = multiprocessing.get_context("fork")
        with context.Pool(self.settings.workers, initializer=_start_worker, initargs=(self,)) as pool:
            for results in pool.imap(_process_in_worker, batches(articles, self.settings.batch_size)):
                yield from results

    def _process_here(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for article, windows in self.parser.parse_many(articles):
            try:
                yield self._extract(article, windows)
            except FaultlineError as error:
                yield _rejected(article, "extract", error.message, error.code)
            except Exception as error:  # noqa: BLE001 - one bad article must not stop a corpus run
                log.debug("extraction failed for %s", article.id, exc_info=True)
                yield _rejected(article, "extract", f"internal error: {error!r}", "FL-E099")

    def _with_defaults(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.published is None and self.settings.published is not None:
                article = dataclasses.replace(article, published=self.settings.published)
            yield article

    def _extract(self, article: Article, windows: Sequence[Window]) -> ArticleResult:
        gazetteer = self.geocoder.gazetteer
        demonyms = self.geocoder.demonyms
        toponyms = [t for w in windows for t in find_toponyms(w.doc, w.offset, gazetteer, demonyms=demonyms)]
        extraction = self.extractor.extract(article, windows, toponyms)
        resolved = self._resolve(article, extraction.events, toponyms, actor_places=extraction.actor_places)
        events = [self._geocode(event, resolved, article.text) for event in extraction.events]
        return ArticleResult(article, events, extraction.mentions, toponyms, [])

    def _resolve(
        self, article: Article, events: Sequence[EventMention], toponyms: Sequence[Toponym], *,
        actor_places: Sequence[Toponym] = (),
    ) -> dict[tuple[int, int], Place | Unresolved]:
        """Resolve every place the incidents are put at, in one pass with the article as context.

        Places named only as where actors came from, and names that are actors ("the White House"
        is no town in Tennessee), are left out: they must not pull an event towards them.
        """
        if not events:
            return {}
        left_out = {(t.start, t.end) for t in actor_places}
        left_out |= {(t.start, t.end) for event in events for t in event.origins}
        chosen: dict[tuple[int, int], Toponym] = {}
        for event in events:
            for toponym in _candidates(event):
                chosen.setdefault((toponym.start, toponym.end), toponym)
        for toponym in toponyms:
            if (toponym.start, toponym.end) not in left_out:
                chosen.setdefault((toponym.start, toponym.end), toponym)
        results = self.geocoder.resolve_all(list(chosen.values()), text=article.text)
        return dict(zip(chosen, results))

    def _geocode(self, event: EventMention, resolved: dict[tuple[int, int], Place | Unresolved], text: str) -> EventMention:
        place, unresolved = _locate(event, resolved)
        placed = [p for p in resolved.values() if isinstance(p, Place)]
        if place is not None and place.span is not None and place.iso2 and self._astray(place, placed, text):
            # "the Colonia Lomas del Carmen" read as Colonia del Sacramento, Uruguay, in a story of Honduras
            unresolved = Unresolved(place.span.text, place.span.start, place.span.end,
                                    "a namesake in a country the article does not otherwise name")
            place = None
        if place is None and unresolved is not None:
            # Still in a country: the one its words or the article's other places name.
            place = self.geocoder.country_of(unresolved, placed, text)
        if place is None and unresolved is None:
            place = self._home_ground(event)
        if place is not None and not place.iso2:
            place = self.geocoder.off_the_coast_of(place, placed, text)
        event = dataclasses.replace(event, place=place, unresolved=unresolved)
        if place is None or not place.iso2:
            return event  # a sea or a region the story places nowhere names no country to name the actors after
        iso2, day = place.iso2, event.event_date

        def localise(actor: Actor) -> Actor:
            return self.actors.localise(actor, iso2, on=day)

        def allied(actor: Actor, lead: Actor | None) -> bool:
            # Forces of no stated country are the event country's: no associates of another state's
            # forces there ("Turkish warplanes struck PKK targets in Iraq ... security forces")
            return not (actor.inter == STATE_FORCES and actor.country is None and lead is not None
                        and lead.inter == STATE_FORCES and lead.country not in (None, iso2))

        localised = dataclasses.replace(
            event,
            actor1=localise(event.actor1) if event.actor1 else None,
            actor2=localise(event.actor2) if event.actor2 else None,
            assoc_actor_1=tuple(localise(a) for a in event.assoc_actor_1 if allied(a, event.actor1)),
            assoc_actor_2=tuple(localise(a) for a in event.assoc_actor_2 if allied(a, event.actor2)),
        )
        abroad = self.extractor.typer.for_country(localised, iso2)
        # Read the article for the country only where the event would change: it is a scan of the text.
        return abroad if abroad is not localised and self._country_borne_out(place, placed, text) else localised

    def _astray(self, place: Place, placed: Sequence[Place], text: str) -> bool:
        """Whether a town lies in a country nothing else in the article names, while two or more of its
        places lie together in another: a namesake read abroad."""
        others = Counter(p.iso2 for p in placed if p.iso2 and p.iso2 != place.iso2)
        return place.where_prec <= 2 and max(others.values(), default=0) >= 2 and \
            not self._country_borne_out(place, placed, text)

    def _country_borne_out(self, place: Place, placed: Sequence[Place], text: str) -> bool:
        """Whether the article bears out the place's country beyond the place itself: another of its
        places lies there, or a country word names it. A namesake town read in the wrong country must
        not make a government's own forces foreign ones."""
        return any(other.iso2 == place.iso2 and other.name != place.name for other in placed) or \
            self.geocoder.demonym_focus(text)[place.iso2] > 0

    def _home_ground(self, event: EventMention) -> Place | None:
        """An event that names no place, done by state forces on their own ground, in their country:
        "Israel's air defences intercepted a missile" is in Israel."""
        iso2 = self.extractor.typer.home_country(event)
        if iso2 is None or event.actor1 is None:
            return None
        return self.geocoder.country_place(iso2, event.actor1.span)


def _candidates(event: EventMention) -> list[Toponym]:
    """The incident's main place first, then a few others its statements put it at."""
    candidates = [event.location] if event.location else []
    candidates += [c for c in event.place_candidates if c != event.location][: MAX_PLACE_CANDIDATES - 1]
    return candidates


def _locate(
    event: EventMention, resolved: dict[tuple[int, int], Place | Unresolved]
) -> tuple[Place | None, Unresolved | None]:
    """The most precise of the places the incident is put at, inside its main place.

    "In Afghanistan ... in Kunduz" is Kunduz; "in Mali, according to diplomats in Dakar" stays Mali,
    the country its statements read first. A place the gazetteer lacks keeps its written name with
    the coordinates of a known place the article also puts the incident at, and at best precision 2
    ("near" that place).
    """
    candidates = _candidates(event)
    if not candidates:
        return None, None
    results = [resolved[(c.start, c.end)] for c in candidates]
    if isinstance(results[0], Unresolved):
        # One name, one place: "The attack on Furcy" as the place another mention resolved ("the locality of
        # Furcy, in the commune of Kenscoff")
        results[0] = next((r for r in resolved.values() if isinstance(r, Place) and r.span is not None
                           and r.span.text == candidates[0].text), results[0])
    places = [r for r in results if isinstance(r, Place)]
    if not places:
        first = results[0]
        return None, first if isinstance(first, Unresolved) else None
    def most_precise(among: Iterable[Place]) -> Place:
        return min(among, key=lambda p: (p.where_prec, _named_like_a_unit(p, places), places.index(p)))

    main = results[0]
    support = Counter(r.iso2 for r in resolved.values() if isinstance(r, Place) and r.iso2)
    if isinstance(main, Place):
        # (a place abroad refines it only where the article's places bear that country out as much: "the
        # village of al-Mazraa" read as a namesake in Israel does not refine Sweida in a story of Syria)
        return most_precise(p for p in places if _within(p, main) and (
            p.iso2 == main.iso2 or support[p.iso2] >= support[main.iso2])), None
    # (nor does it lend a place the gazetteer lacks its point: "Caraveli province" is not near the Pueblo of
    # "Defensoria del Pueblo" read as a town in Colorado, in a story of Peru)
    backed = [p for p in places if support[p.iso2] == max(support.values(), default=0)]
    if not backed:
        return None, main if isinstance(main, Unresolved) else None
    best = most_precise(backed)
    written = candidates[0]
    near = dataclasses.replace(
        best,
        name=written.text,
        geo_precision=max(2, best.geo_precision),
        where_prec=max(2, best.where_prec),
        geonameid=None,
        span=Span(written.start, written.end, written.text),
    )
    return near, None


def _named_like_a_unit(town: Place, places: Sequence[Place]) -> bool:
    """Whether a town bears the name of a unit that holds another of the incident's places: "Kenya's
    Nakuru" beside "the town of Molo in Nakuru County", or "Mexico's Guanajuato" beside "the city of
    Irapuato", may be the unit, while Molo and Irapuato can only be the towns."""
    name = town.name.casefold()

    def names_it(unit: str | None) -> bool:
        return unit is not None and (unit.casefold() == name or unit.casefold().startswith(name + " "))

    return town.where_prec == 1 and any(
        other.name != town.name and other.iso2 == town.iso2
        and (names_it(other.admin1) or (other.feature or "").startswith("A.ADM") and names_it(other.name))
        for other in places)


def _within(place: Place, main: Place) -> bool:
    """Whether a place may refine the main place. A country only by its own places (Dakar does not
    refine Mali); a sea by none, for a land place the story names is not where a ship was hit ("in
    solidarity with Palestinians in Gaza"); a unit or town by any, for it may be a namesake read
    wrongly ("Saint Mark's Church in Alexandria": a parish of Grenada), and the town beside it right;
    but a unit written as one ("near Tal Tamr in Hasakah province") by its own places only."""
    if main.feature in MARINE_FEATURES:
        return place is main
    if main.feature == "A.ADM1" and main.span is not None and _WRITTEN_UNIT.search(main.span.text):
        return place.iso2 == main.iso2 and place.admin1 == main.admin1
    return main.where_prec != COUNTRY_PRECISION or place.iso2 == main.iso2


# The pipeline of a worker process; set once by _start_worker when the pool forks it.
_worker_pipeline: Pipeline | None = None


def _start_worker(pipeline: Pipeline) -> None:
    """Give a forked worker its own gazetteer connection (SQLite handles must not cross a fork)."""
    global _worker_pipeline
    gazetteer = Gazetteer(pipeline.geocoder.gazetteer.path)
    geocoder = Geocoder(gazetteer, demonyms=pipeline.geocoder.demonyms)
    _worker_pipeline = Pipeline(
        pipeline.settings, parser=pipeline.parser, extractor=pipeline.extractor, actors=pipeline.actors,
        geocoder=geocoder,
    )


def _process_in_worker(batch: list[Article]) -> list[ArticleResult]:
    if _worker_pipeline is None:
        raise RuntimeError("worker process started without a pipeline")
    return list(_worker_pipeline._process_here(batch))


def _rejected(article: Article, stage: str, reason: str, code: str) -> ArticleResult:
    return ArticleResult(article, [], [], [], [Rejection(article.id, stage, reason, code)])
