"""Event-type accuracy on the CASE 2021 Task 2 test set (ACLED sub-event types + out-of-scope types).

Run from the project root:  .venv/bin/python -m benchmarks.event_types [--end-to-end] [--why N]
The data is read in place from ../shared/data (never copied). Each snippet is one incident.
Component figure: EventTyper.type_incident over all its sentences (None = no ACLED event).
End-to-end figure (--end-to-end, printed next to the component one): the first event that
faultline.extract_text returns (none = out of scope), so the cue pre-filter, modality and the
grouping of statements into incidents all count. --why N lists N snippets where the two disagree
with the stage that made the difference. Develop on the odd ids, check on the even ids.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import load_case2021

NO_EVENT = "no event"

# CASE 2021 code -> ACLED sub-event type; the out-of-scope codes map to None ("no event").
# OTHER is ACLED's Strategic developments / Other, so it stays in scope.
CASE_TO_ACLED: dict[str, str | None] = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "DIPLO": None,
    "ATTRIB": None,
    "ORG_CRIME": None,
    "MAN_MADE_DISASTER": None,
    "NATURAL_DISASTER": None,
}
ACLED_TO_CASE = {v: k for k, v in CASE_TO_ACLED.items() if v is not None}


@dataclass(frozen=True, slots=True)
class Item:
    """One snippet with its gold and predicted ACLED types (None = no event)."""

    id: int
    text: str
    gold_sub: str | None
    gold_type: str
    pred_sub: str | None
    pred_type: str
    trigger: str = ""


def read_case() -> list[tuple[int, str, str]]:
    """(id, snippet, CASE code) rows of the test file, ids as numbers for the odd/even halves."""
    return [(int(rid), text, code) for rid, text, code in load_case2021()]


def parse(rows: Sequence[tuple[int, str, str]], cache: Path | None) -> list:
    """spaCy Docs of the snippets, optionally kept in a DocBin so reruns skip the parser."""
    import spacy
    from spacy.tokens import DocBin

    from faultline.config import Settings

    nlp = spacy.load(Settings().spacy_model)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [text for _, text, _ in rows]:
            return docs
    docs = list(nlp.pipe((text for _, text, _ in rows), batch_size=64))
    if cache is not None:
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


def predict(rows: Sequence[tuple[int, str, str]], *, end_to_end: bool = False,
            cache: Path | None = None) -> list[Item]:
    """Type every snippet with EventTyper (or faultline.extract_text when end_to_end)."""
    from faultline.extract.typing import EventTyper

    typer = EventTyper.load()
    taxonomy = typer.lexicon.taxonomy
    items: list[Item] = []
    if end_to_end:
        import faultline

        preds = []
        for _, text, _ in rows:
            events = faultline.extract_text(text)
            preds.append((events[0].sub_event_type, "") if events else (None, ""))
    else:
        preds = []
        for doc in parse(rows, cache):
            sents = list(doc.sents)
            trigs = [t for s in sents for t in typer.triggers(s, 0)]
            best = typer.type_incident(sents, trigs)
            preds.append((best.sub_event_type, f"{best.text}[{best.rule}]") if best else (None, ""))
    for (rid, text, code), (sub, trig) in zip(rows, preds):
        gold = CASE_TO_ACLED[code]
        items.append(Item(
            id=rid, text=text, gold_sub=gold,
            gold_type=taxonomy[gold].event_type if gold else NO_EVENT,
            pred_sub=sub, pred_type=taxonomy[sub].event_type if sub else NO_EVENT, trigger=trig,
        ))
    return items


def why_differs(text: str, component: str | None) -> str:
    """The stage that makes the end-to-end type differ from the component one, for one snippet."""
    import faultline
    from faultline.extract.extractor import _group_incidents  # diagnostics only
    from faultline.geo import find_toponyms
    from faultline.model import Article

    pipeline = faultline._default_pipeline()
    article = Article(id="why", text=text)
    windows = pipeline.parser.parse(article)
    covered = sum(len(w.doc.text) for w in windows)
    gaz = pipeline.geocoder.gazetteer
    toponyms = [t for w in windows for t in find_toponyms(w.doc, w.offset, gaz)]
    ex = pipeline.extractor
    facts = [f for w in windows for s in w.doc.sents
             if (f := ex._read_sentence(article, s, w.offset, toponyms)) is not None]
    dropped = [f"{f.mention.modality}:{f.triggers[0].text}" for f in facts
               if f.triggers and not f.reported]
    incidents = _group_incidents([f for f in facts if f.reported])
    typed = [ex.typer.type_incident([f.sent for f in i.facts], [t for f in i.facts for t in f.triggers])
             for i in incidents]
    first = next((t for t in typed if t is not None), None)
    first_sub = first.sub_event_type if first else None
    if covered < len(text.strip()) * 0.95:
        cause = f"cue pre-filter parsed {covered}/{len(text)} chars"
    elif dropped and (first_sub != component):
        cause = "modality dropped " + ", ".join(dropped)
    elif len(incidents) > 1:
        cause = f"grouping: {len(incidents)} incidents typed " + ", ".join(
            t.sub_event_type if t else "None" for t in typed)
    else:
        cause = "sentence split/parse of windows differs"
    return f"{cause} -> {first_sub}"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(items: Sequence[Item]) -> dict[str, object]:
    """Event-type accuracy (7 classes) and sub-event micro-F1 over the 25 sub-types, per class too."""
    acc = sum(i.gold_type == i.pred_type for i in items) / len(items)
    tp, fp, fn = Counter(), Counter(), Counter()
    for i in items:
        if i.pred_sub is not None and i.pred_sub == i.gold_sub:
            tp[i.gold_sub] += 1
            continue
        if i.pred_sub is not None:
            fp[i.pred_sub] += 1  # a prediction on an out-of-scope snippet is a false positive
        if i.gold_sub is not None:
            fn[i.gold_sub] += 1  # a missed or mistyped in-scope snippet is a false negative
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    per_class = {c: (*prf(tp[c], fp[c], fn[c]), tp[c] + fn[c]) for c in ACLED_TO_CASE}
    return {"n": len(items), "type_accuracy": acc, "micro": micro, "per_class": per_class}


def render(name: str, items: Sequence[Item], *, detail: bool) -> str:
    """A text report for one subset."""
    s = scores(items)
    p, r, f = s["micro"]  # type: ignore[misc]
    lines = [(f"== {name}: n={s['n']}  event-type accuracy={s['type_accuracy']:.3f}  "
              f"sub-event micro P={p:.3f} R={r:.3f} F1={f:.3f}")]
    if not detail:
        return "\n".join(lines)
    lines.append(f"{'sub-event type':40} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    per = s["per_class"]  # type: ignore[assignment]
    for c, (cp, cr, cf, n) in sorted(per.items(), key=lambda kv: kv[1][2]):
        lines.append(f"{c:40} {cp:6.3f} {cr:6.3f} {cf:6.3f} {n:4d}")
    oos = [i for i in items if i.gold_sub is None]
    if oos:
        rej = sum(i.pred_sub is None for i in oos) / len(oos)
        lines.append(f"{'(out of scope rejected)':40} {'':6} {rej:6.3f} {'':6} {len(oos):4d}")
    worst = sorted(per.items(), key=lambda kv: kv[1][2])[:6]
    lines.append("confusion of the worst classes (gold -> predicted: count):")
    for c, _ in worst:
        conf = Counter(i.pred_sub or NO_EVENT for i in items if i.gold_sub == c and i.pred_sub != c)
        lines.append(f"  {c}: " + ", ".join(f"{k} {v}" for k, v in conf.most_common(4)))
    tconf = Counter((i.gold_type, i.pred_type) for i in items if i.gold_type != i.pred_type)
    lines.append("event-type confusion (gold -> predicted: count): " + "; ".join(
        f"{g} -> {p} {n}" for (g, p), n in tconf.most_common(8)))
    return "\n".join(lines)


def errors(items: Iterable[Item], limit: int) -> str:
    """The first `limit` wrong predictions, for development (use on the odd half only)."""
    out = []
    for i in items:
        if i.gold_sub != i.pred_sub and limit > 0:
            limit -= 1
            out.append(f"{i.id}: gold={i.gold_sub} pred={i.pred_sub} {i.trigger}\n    {i.text[:300]}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report for both halves and the whole set (component, and end-to-end if asked)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detail", choices=("odd", "even", "all", "none"), default="all",
                    help="which subset gets the per-class table")
    ap.add_argument("--errors", type=int, default=0, help="list N errors of the odd (dev) half")
    ap.add_argument("--end-to-end", action="store_true",
                    help="also score faultline.extract_text (first event, none = out of scope)")
    ap.add_argument("--why", type=int, default=0,
                    help="with --end-to-end: explain N odd-half snippets where the two differ")
    ap.add_argument("--cache", type=Path, help="keep the parsed snippets in this DocBin file")
    args = ap.parse_args(argv)
    rows = read_case()
    runs = [("component", False)] + ([("end-to-end", True)] if args.end_to_end else [])
    results: dict[str, list[Item]] = {}
    for label, e2e in runs:
        t0 = time.perf_counter()
        items = results[label] = predict(rows, end_to_end=e2e, cache=args.cache)
        took = time.perf_counter() - t0
        print(f"### {label}: CASE 2021 task 2, {len(items)} snippets, {took:.1f}s "
              f"({len(items) / took:.0f}/s)")
        odd = [i for i in items if i.id % 2]
        even = [i for i in items if not i.id % 2]
        for name, subset in (("odd (dev)", odd), ("even (held out)", even), ("all", items)):
            key = name.split()[0]
            print(render(name, subset, detail=key == args.detail))
        if args.errors:
            print(errors(odd, args.errors))
    if len(results) == 2:
        print(summary(results["component"], results["end-to-end"]))
        if args.why:
            comp = {i.id: i for i in results["component"]}
            shown = 0
            for i in results["end-to-end"]:
                c = comp[i.id]
                if i.id % 2 and c.pred_sub != i.pred_sub and shown < args.why:
                    shown += 1
                    print(f"{i.id}: gold={i.gold_sub} component={c.pred_sub} e2e={i.pred_sub}: "
                          f"{why_differs(i.text, c.pred_sub)}\n    {i.text[:240]}")
    return 0


def summary(component: Sequence[Item], e2e: Sequence[Item]) -> str:
    """Side-by-side table of both figures, per half."""
    lines = [f"{'':18} {'component acc':>14} {'F1':>6}   {'end-to-end acc':>15} {'F1':>6}"]
    for name, keep in (("odd (dev)", 1), ("even (held out)", 0), ("all", None)):
        row = []
        for items in (component, e2e):
            sub = [i for i in items if keep is None or i.id % 2 == keep]
            s = scores(sub)
            row.append((s["type_accuracy"], s["micro"][2]))  # type: ignore[index]
        lines.append(f"{name:18} {row[0][0]:14.3f} {row[0][1]:6.3f}   {row[1][0]:15.3f} {row[1][1]:6.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
