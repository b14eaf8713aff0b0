"""Sources of statements and responsibility claims (faultline.extract.attribution)."""

from __future__ import annotations

import pytest

from faultline.errors import DataFileError
from faultline.extract.attribution import SourceWords, find_attribution, find_claim

OFFSET = 200


def first(nlp, text):
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(("text", "source", "kind"), [
    ("Officials said 15 people were killed.", "Officials", "official"),
    ("According to the interior ministry, 5 civilians were abducted.", "interior ministry", "security"),
    ("Police said the attackers fled.", "Police", "police"),
    ("A policeman was killed, a witness told AFP.", "witness", "witness"),
    ("The group said in a statement that it had killed 12 soldiers.", "group", "group_claim"),
    ("State media reported that the blast killed seven.", "State media", "media"),
    ("Local sources said the village was shelled.", "Local sources", "local"),
    ("SOHR reported that nine fighters died.", "SOHR", "ngo"),
    ("Medics said four people were wounded.", "Medics", "medical"),
    ("A Taliban spokesman said the group carried out the attack.", "Taliban spokesman", "group_claim"),
    ("The army said troops killed 20 insurgents.", "army", "military"),
    ("15 Afghan Taliban killed in 24 hours: MoI", "MoI", "security"),
    ("Militants reportedly stormed the base.", "reportedly", "unknown"),
    ("An air strike on a market killed at least 14 people, the regional health bureau said on Friday.",
     "regional health bureau", "medical"),
    ("Turkey says 9 soldiers killed in clashes with Kurdish militants", "Turkey", "government"),
    ("Some victims were hanged, police commander Luis Ortega said.", "police commander Luis Ortega", "police"),
    ("The mayor of Sidakan gave a different picture: two men died.", "mayor of Sidakan", "government"),
])
def test_sources_and_kinds(nlp, text, source, kind):
    att = find_attribution(first(nlp, text), OFFSET)
    assert att is not None
    assert (att.source, att.kind) == (source, kind)
    article = "x" * OFFSET + text
    assert att.span is not None and article[att.span.start:att.span.end] == att.span.text


def test_author_voice_is_none(nlp):
    assert find_attribution(first(nlp, "Gunmen attacked a checkpoint in the north."), 0) is None
    assert find_attribution(first(nlp, "The attack killed five people."), 0) is None


@pytest.mark.parametrize(("text", "status", "actor"), [
    ("The Islamic State claimed responsibility for the attack.", "claimed", "Islamic State"),
    ("Responsibility was claimed by al-Shabaab.", "claimed", "al-Shabaab"),
    ("No group has claimed responsibility for the attack.", "unclaimed", None),
    ("No one claimed the bombing.", "unclaimed", None),
    ("There was no immediate claim of responsibility.", "unclaimed", None),
    ("The Taliban denied involvement in the blast.", "denied", "Taliban"),
    ("Authorities blamed al-Shabaab for the attack.", "blamed", "al-Shabaab"),
    ("Officials blamed the attack on the Pakistani Taliban.", "blamed", "Pakistani Taliban"),
    ("The attack bears the hallmarks of al-Shabaab.", "blamed", "al-Shabaab"),
    ("Islamic State is believed to be behind the attack.", "blamed", "Islamic State"),
    ("The blast killed nine soldiers, in an attack claimed by the militant group al-Shabaab.", "claimed",
     "militant group al-Shabaab"),
])
def test_claims(nlp, text, status, actor):
    claim = find_claim(first(nlp, text), OFFSET)
    assert claim is not None
    assert (claim.status, claim.actor) == (status, actor)
    article = "x" * OFFSET + text
    assert article[claim.span.start:claim.span.end] == claim.span.text


def test_who_blames(nlp):
    claim = find_claim(first(nlp, "Authorities blamed al-Shabaab for the attack."), 0)
    assert (claim.by.source, claim.by.kind) == ("Authorities", "government")
    author = find_claim(first(nlp, "The attack bears the hallmarks of al-Shabaab."), 0)
    assert author.by.kind == "author"


def test_no_claim(nlp):
    assert find_claim(first(nlp, "The attack claimed 5 lives."), 0) is None
    assert find_claim(first(nlp, "Gunmen killed three soldiers."), 0) is None


def test_kind_of_prefers_the_most_specific_institution():
    words = SourceWords.load()
    assert words.kind_of("a health ministry spokesman") == "medical"
    assert words.kind_of("a police spokesman") == "police"
    assert words.kind_of("officials") == "official"
    assert words.kind_of("the weather") is None


def test_bad_data_file_is_a_typed_error(tmp_path):
    bad = tmp_path / "attribution.toml"
    bad.write_text("reporting_verbs = 3\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        SourceWords.load(bad)


def test_a_count_made_subject_by_the_parser_is_never_the_source(nlp):
    # The small model makes "civilians" the subject of "said"; the source is the apposition.
    text = ("Jets pounded the town of Maarat al-Numan south of Idlib on Sunday, killing at least eight "
            "civilians, including three children, the Syrian Observatory for Human Rights said.")
    att = find_attribution(first(nlp, text), OFFSET)
    assert (att.source, att.kind) == ("Syrian Observatory for Human Rights", "ngo")
    assert not any(ch.isdigit() for ch in att.source) and "civilians" not in att.source
    article = "x" * OFFSET + text
    assert article[att.span.start:att.span.end] == att.span.text


def test_a_subjectless_reporting_verb_takes_the_source_words_before_it(nlp):
    text = "Shelling hit the town overnight, wounding 12 residents, medics at the local hospital said."
    att = find_attribution(first(nlp, text), OFFSET)
    assert (att.source, att.kind) == ("medics at the local hospital", "medical")


def test_counted_speakers_that_name_a_source_stay_sources(nlp):
    att = find_attribution(first(nlp, "Two police officials said 5 people died."), OFFSET)
    assert (att.source, att.kind) == ("Two police officials", "police")
