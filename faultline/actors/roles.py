"""Who did what to whom: actor1, actor2 and their associates from the dependency parse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.model import Actor, Span
from faultline.nlp.text import doc_text

SPEECH = {"say", "tell", "report", "announce", "state", "confirm", "add", "note", "warn", "claim", "accuse",
          "deny", "blame", "quote", "cite", "write"}
TARGET_PREPS = {"on", "against", "at", "targeting", "upon", "into"}
OPPONENT_PREPS = {"with"}  # "clashed with X": the other side
AGENT_PREPS = {"by", "from"}  # "attack by X", "fire from X"
UNDER_FIRE_NOUNS = {"fire", "attack", "assault", "shelling", "bombardment", "siege"}  # "came under fire"
CIVILIAN_TYPES = {"Sexual violence", "Attack", "Abduction/forced disappearance"}
PROTEST_TYPES = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
MOB_VIOLENCE = "Mob violence"
RIOT_TYPES = {"Violent demonstration", MOB_VIOLENCE}
RELATIVES = {"who", "that", "which", "whom"}
REMOTE_TYPES = {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED", "Grenade"}  # Explosions/Remote violence
AIR_TYPES = {"Air/drone strike"}
TERRITORY_TYPES = {"Government regains territory", "Non-state actor overtakes territory",
                   "Non-violent transfer of territory"}
CIVILIAN_INTER = 7
ARMED_GROUP_INTERS = frozenset({2, 3, 4})  # rebels, political and identity militias
_ARMED_INTERS = ARMED_GROUP_INTERS | {1, 8}  # and state and external forces
# Bombs are planted by hidden hands: the police or army told of nearby investigate, guard or are hit, so
# they are the bomber only when the parse says they acted (unlike strikes and shelling, a state's own arms).
BOMB_TYPES = {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}
# Events that always have a perpetrator: when none is named, ACLED codes an unidentified one.
PERPETRATOR_TYPES = REMOTE_TYPES | CIVILIAN_TYPES
# Violence a state wages with its armed forces: a country named as its agent stands for its military.
STATE_ACT_TYPES = PERPETRATOR_TYPES | {"Armed clash", "Disrupted weapons use", "Government regains territory"}
# Verbs whose objects (and passive subjects) are the victims: "killing three soldiers", "were wounded".
HARM_VERBS = {"kill", "wound", "injure", "hurt", "maim", "murder", "slay", "execute", "behead", "massacre", "shoot",
              "stab", "abduct", "kidnap", "rape", "torture", "beat", "lynch", "neutralise", "neutralize"}
QUANTITY_WORDS = {"at", "least", "more", "than", "about", "around", "some", "nearly", "almost", "over", "up", "to",
                  "another", "other", "the", "a", "an", "all"}
# Blamed, not claimed: "the army blamed X for the attack", "X was accused of", "bears the hallmarks of X".
BLAME_VERBS = {"blame", "accuse", "suspect"}
BLAME_ON_VERBS = {"blame", "pin", "attribute"}  # "blamed the attack on X", "attributed it to X"
HALLMARK_NOUNS = {"hallmark", "hallmarks", "signature"}
CLAIM_VERBS = {"claim", "accept", "admit", "take"}
CLAIM_OBJECTS = {"responsibility", "credit"}
_FIRED = frozenset({"fire", "gunfire", "shot", "round", "salvo", "blow"})  # "exchanged fire", "traded blows"
SOURCE_NOUNS_LINKS = {"compound", "poss", "pobj", "prep", "nmod", "appos"}  # "a spokesman for the army"
# Governments ("the Kremlin", "the White House") speak, decide and condemn: a side only where the parse
# says they acted or were acted on, never by position ("The White House said air strikes hit ...") nor
# as a modifier ("with Kremlin backing", "the White House nominee").
GOVERNMENT_KINDS = {"government"}
# "The air force said it shot down ...", "police said they arrested ...": the speaker itself acted.
SELF_PRONOUNS = {"it", "they", "we"}
SELF_POSSESSIVES = {"its", "their", "our"}  # "the army said its troops repelled an attack"
# The kind of the weapons themselves read as an actor ("drones", "warplanes"): whoever launched them,
# when the text says, is the side.
UNNAMED_AIRCRAFT = "military aircraft"
# An interception's other side is whoever launched the weapons stopped, not the weapons themselves.
INTERCEPT_TYPES = {"Disrupted weapons use"}
# "militants launched an attack": the attacker is the light verb's subject; so is the one who fires, drops
# or throws the weapon ("Russia fired hundreds of drones at Ukraine", "threw a grenade").
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "make", "perform", "begin", "start", "unleash",
               "commit", "claim", "fire", "drop", "hurl", "lob", "throw"}


@dataclass(frozen=True, slots=True)
class Sides:
    """The two sides of an event: main actors and associated actors."""

    actor1: Actor | None
    actor2: Actor | None
    assoc_1: tuple[Actor, ...] = ()
    assoc_2: tuple[Actor, ...] = ()


@dataclass(slots=True)
class _Mention:
    actor: Actor
    tokens: list[Token]
    root: Token


class RoleReader:
    """Reads the sides of one event from a sentence's parse."""

    def __init__(self, *, civilians: Callable[[Span], Actor], state_forces: Callable[..., Actor | None],
                 recast: Callable[[Actor, str], Actor], unidentified: Callable[[str, Span], Actor],
                 named_group: Callable[..., Actor | None]) -> None:
        self._civilians = civilians  # builds a civilians actor for an unnamed victim phrase
        self._state_forces = state_forces  # builds state forces from a country word ("a US strike")
        self._recast = recast  # the same people as another generic kind ("residents" who protest)
        self._unidentified = unidentified  # an unnamed perpetrator of a kind ("unidentified", ...)
        self._named_group = named_group  # an organisation's name kept as written (sentence token range)

    def read(self, sent: SpacySpan, offset: int, *, trigger: tuple[int, int], actors: Sequence[Actor],
             sub_event_type: str, on: dt.date | None = None) -> Sides:
        """Actor1, actor2 and associated actors for the trigger, by the sub-event type's rules; the actors
        it names itself are named as on `on`."""
        tokens = list(sent)  # walked once for every actor
        mentions = [m for m in (_mention(tokens, offset, a) for a in actors)
                    if m is not None and not (m.actor.kind in GOVERNMENT_KINDS and m.root.dep_ in ("compound", "amod"))]
        head = _trigger_root(tokens, offset, trigger)
        victims = {id(m) for m in mentions if _is_victim(m)}
        claimant = next((m for m in mentions if _is_claimant(m) and id(m) not in victims), None)
        # who only reports the event, or is only blamed for it by someone else, takes no side
        sources = {id(m) for m in mentions if id(m) not in victims and m is not claimant
                   and (_is_source(m, head) or _is_blamed(m))}
        agent_tok, target_tok = _agent_and_target(head) if head is not None else (None, None)
        agent, target = _actor_at(agent_tok, mentions), _actor_at(target_tok, mentions)
        # (before anyone named inside the subject: "the army said its forces, supported by clan fighters,
        # killed 30 militants")
        speaker = _speaker_meant(agent_tok, head, mentions)
        if speaker is not None:
            agent = speaker
            sources.discard(id(speaker))
        if agent is not None and id(agent) in sources:
            agent = None
        if agent is None and agent_tok is not None and agent_tok.ent_type_ == "ORG":
            agent = self._organisation(sent, offset, agent_tok, on)
        if agent is None and head is not None and sub_event_type not in PROTEST_TYPES | RIOT_TYPES:
            agent = _modifying_group(head, mentions)  # (a "Hamas rally" is still the protesters')
        if agent is None and agent_tok is not None and sub_event_type in STATE_ACT_TYPES:
            agent = self._country_agent(agent_tok, offset, on)
        if target is not None and id(target) in sources:
            target = None
        sources |= {id(m) for m in mentions if m.actor.kind in GOVERNMENT_KINDS and m is not agent
                    and m is not target and m is not claimant}
        if agent is None and claimant is not None and claimant is not target:
            agent = claimant  # "X claimed responsibility for the attack": ACLED codes the claimant
        if sub_event_type in PROTEST_TYPES or sub_event_type in RIOT_TYPES:
            agent, target = self._crowd_sides(mentions, agent, target, sub_event_type)
            # ACLED always names the crowd: "hundreds marched" are Protesters (Country).
            kind = "protesters" if sub_event_type in PROTEST_TYPES else "rioters"
            if sub_event_type == "Excessive force against protesters":
                target = target or self._unnamed(sent, offset, trigger, head, kind)
            elif agent is None:
                agent = self._unnamed(sent, offset, trigger, head, kind)
            if sub_event_type == MOB_VIOLENCE and target is None:
                target = self._civilian_victims(tokens, offset, mentions)  # "a mob beat a man to death"
        elif sub_event_type in CIVILIAN_TYPES:
            aimed_at = None
            if target_tok is not None and trigger[0] <= offset + target_tok.idx < trigger[1]:
                target_tok = None  # a word of the trigger itself ("opened fire") is nobody hit
                aimed_at = _aimed_at(head) if head is not None else None
            agent, target = self._civilian_sides(offset, mentions, agent, target, target_tok, sources | victims)
            if target is None:  # "opened fire at a party, killing 11 people": the people killed
                target = self._civilian_victims(tokens, offset, mentions)
            if target is None and aimed_at is not None:
                # "opened fire on a group of young people": those it was aimed at, where none is said killed
                agent, target = self._civilian_sides(offset, mentions, agent, None, aimed_at, sources | victims)
        else:
            if agent is None and head is not None:
                agent = self._trigger_modifier(head, offset, trigger, on)
            if sub_event_type in REMOTE_TYPES and target is None and not victims:
                target = self._civilian_victims(tokens, offset, mentions)
            parsed_target = target
            agent, target = _fallback(mentions, agent, target, head, sources, victims,
                                      state_acts=sub_event_type not in BOMB_TYPES)
            if target is not parsed_target and target is not None and target.actor.kind == UNNAMED_AIRCRAFT \
                    and sub_event_type not in INTERCEPT_TYPES:
                target = parsed_target  # "pounds cities with missiles and drones": the weapons, not whom they hit
        if sub_event_type in INTERCEPT_TYPES and head is not None and (
                target is None or agent is not None and agent.actor.name == target.actor.name
                or target.actor.kind == UNNAMED_AIRCRAFT):
            # weapons with no country word of their own take the sentence's only state ("Ukraine's air force
            # said it shot down drones"): whoever launched them is the other side
            target = self._launcher(head, agent_tok, offset, mentions, on) or target
        if agent is not None and target is not None and agent.actor.name == target.actor.name:
            target = None
        if sub_event_type in TERRITORY_TYPES and target is not None and target.actor.inter == CIVILIAN_INTER:
            target = None  # "RSF seizes town, residents flee": civilians hold no ground, they flee it
        if agent is None and sub_event_type in PERPETRATOR_TYPES:
            # "a suicide bomber", "junta jets": the trigger's own words, or the name they are part of, may
            # name who struck
            agent = next((m for m in mentions if m.actor.span.start <= trigger[0] and trigger[1] <= m.actor.span.end
                          and m is not target and m.actor.inter != CIVILIAN_INTER), None)
            if agent is None:
                kind = UNNAMED_AIRCRAFT if sub_event_type in AIR_TYPES else "unidentified"
                agent = self._unnamed(sent, offset, trigger, head, kind)
            if target is None:
                target = next((m for m in mentions if id(m) in victims), None) or \
                    next((m for m in mentions if id(m) not in sources and m is not agent), None)
        return _with_associates(mentions, agent, target, sources)

    def _unnamed(self, sent: SpacySpan, offset: int, trigger: tuple[int, int], head: Token | None,
                 kind: str) -> _Mention:
        """The generic actor of a kind ACLED codes when none is named; its evidence is the trigger."""
        start, end = trigger[0] - offset, trigger[1] - offset
        text = doc_text(sent.doc)[start:end]
        actor = self._unidentified(kind, Span(trigger[0], trigger[1], text))
        token = head if head is not None else sent[0]
        return _Mention(actor, [token], token)

    def _crowd_sides(self, mentions: list[_Mention], agent: _Mention | None, target: _Mention | None,
                     sub_event_type: str) -> tuple[_Mention | None, _Mention | None]:
        crowd_types = (6, 5) if sub_event_type in PROTEST_TYPES else (5, 6)
        # "police fired tear gas at farmers marching on the capital": civilians named at a protest are its crowd
        crowd = next((m for inter in (*crowd_types, CIVILIAN_INTER) for m in mentions if m.actor.inter == inter), None)
        if agent is not None and agent.actor.inter in (5, 6, 7):
            crowd = agent
        if crowd is not None and crowd.actor.inter != crowd_types[0]:
            # "residents protested", "protesters broke through barricades": whoever protests or riots
            # is coded as protesters or rioters
            kind = "protesters" if sub_event_type in PROTEST_TYPES else "rioters"
            crowd = _Mention(self._recast(crowd.actor, kind), crowd.tokens, crowd.root)
        if sub_event_type in PROTEST_TYPES and agent is not None and agent.actor.inter in _ARMED_INTERS and \
                sub_event_type != "Excessive force against protesters":
            # armed men do not protest: "two dissident fighters sentenced as victims' families protest"
            # names the crowd's cause, and the crowd is protesters
            agent = None
        if sub_event_type == "Peaceful protest":
            return crowd or agent, None
        if sub_event_type in PROTEST_TYPES:
            state = next((m for m in mentions if m.actor.inter == 1), None)
            if sub_event_type == "Excessive force against protesters":
                return state or agent, crowd  # violence against the crowd: the force acts
            return crowd or agent, state
        if crowd is not None and target is not None and target.root.i == crowd.root.i:
            target = None  # (the crowd recast as rioters is still the mention the parse found)
        return crowd or agent, target

    def _civilian_sides(self, offset: int, mentions: list[_Mention], agent: _Mention | None,
                        target: _Mention | None, target_tok: Token | None,
                        sources: set[int]) -> tuple[_Mention | None, _Mention | None]:
        civilians = next((m for m in mentions if m.actor.inter == CIVILIAN_INTER), None)
        if target is None or target.actor.inter != CIVILIAN_INTER:
            # an armed target found by the parse stays when no civilians are named
            target = civilians or target
        if target is None and target_tok is not None and target_tok.pos_ in ("NOUN", "PROPN", "NUM"):
            phrase = _phrase(target_tok)
            span = Span(offset + phrase.start_char, offset + phrase.end_char, phrase.text)
            target = _Mention(self._civilians(span), list(phrase), target_tok)
        if agent is None or agent.actor.inter == CIVILIAN_INTER or id(agent) in sources:
            # a clause describing what was hit does not name who hit it ("hit the depot, which supplied
            # fuel to Russian troops")
            described = {t.i for c in target_tok.children if c.dep_ == "relcl" for t in c.subtree} \
                if target_tok is not None else set()
            agent = next((m for m in mentions if m.actor.inter != CIVILIAN_INTER and id(m) not in sources
                          and m.root.i not in described), None)
        return agent, target

    def _organisation(self, sent: SpacySpan, offset: int, token: Token, on: dt.date | None) -> _Mention | None:
        """An organisation the catalogue lacks, named as the trigger's grammatical agent: whoever the parse
        says carried out the violence is a side, kept as written, even without an armed-group word."""
        words = _entity(token)
        actor = self._named_group(sent, offset, words.start - sent.start, words.end - sent.start, on=on)
        return _Mention(actor, list(words), token) if actor is not None else None

    def _civilian_victims(self, tokens: Sequence[Token], offset: int, mentions: list[_Mention]) -> _Mention | None:
        """People killed or wounded who are no named actor ("killing three people"): ACLED codes such
        victims of remote violence, or of an attack by armed men, as civilians; soldiers or militants
        would be actor mentions."""
        taken = {t.i for m in mentions for t in m.tokens}
        for token in tokens:
            if token.dep_ in ("dobj", "obj", "nsubjpass") and token.head.lemma_ in HARM_VERBS and \
                    token.pos_ in ("NOUN", "PROPN", "NUM") and not any(t.i in taken for t in token.subtree):
                phrase = _phrase(token)  # "an al-Shabaab commander" is no civilian: an actor is inside
                span = Span(offset + phrase.start_char, offset + phrase.end_char, phrase.text)
                return _Mention(self._civilians(span), list(phrase), token)
        return None

    def _trigger_modifier(self, head: Token, offset: int, trigger: tuple[int, int],
                          on: dt.date | None) -> _Mention | None:
        """State forces named by a country word on the trigger noun ("a US strike", "Israeli shelling"),
        or on the weapon of the trigger that is its subject ("a Russian missile struck the port")."""
        nouns = [head, *(c for c in head.children
                         if c.dep_ in ("nsubj", "nsubjpass") and trigger[0] <= offset + c.idx < trigger[1])]
        # "a Turkish drone strike": the country word may sit on the trigger's first word
        nouns += [c for noun in nouns for c in noun.children
                  if c.dep_ == "compound" and trigger[0] <= offset + c.idx < trigger[1]]
        for noun in nouns:
            for child in noun.children:
                if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < noun.i:
                    actor = self._state_forces(child.doc[child.i:child.i + 1], offset, on=on)
                    if actor is not None:
                        return _Mention(actor, [child], child)
        return None

    def _launcher(self, head: Token, interceptor: Token | None, offset: int, mentions: list[_Mention],
                  on: dt.date | None) -> _Mention | None:
        """Who launched the weapons stopped ("73 drones launched by Russia", "the rockets Belarus fired"):
        the doer of a clause describing a noun of the trigger's phrase, outside the interceptor's words."""
        skipped = {t.i for t in interceptor.subtree} if interceptor is not None else set()
        for token in head.subtree:
            if token.i in skipped or token.dep_ not in ("acl", "relcl") or token.pos_ != "VERB":
                continue
            for child in token.children:
                doer = _pobj(child) if child.dep_ == "agent" else child if child.dep_ == "nsubj" else None
                if doer is None or doer.lower_ in RELATIVES:
                    continue
                # the small model tags many a country as an organisation: any entity naming one will do
                found = _actor_at(doer, mentions) or self._country_forces(doer, offset, on)
                if found is not None:
                    return found
        return None

    def _country_agent(self, token: Token, offset: int, on: dt.date | None) -> _Mention | None:
        """A country, or its capital, named as the one who struck ("Israel struck targets in Gaza",
        "Moscow launched missiles"): ACLED codes its military."""
        if token.ent_type_ != "GPE":
            return None
        return self._country_forces(token, offset, on)

    def _country_forces(self, token: Token, offset: int, on: dt.date | None) -> _Mention | None:
        """The state forces of the country, or capital, whose name holds the token, if it names one."""
        words = _entity(token)
        actor = self._state_forces(words, offset, capitals=True, on=on)
        return _Mention(actor, list(words), token) if actor is not None else None


def _modifying_group(head: Token, mentions: list[_Mention]) -> _Mention | None:
    """A non-state armed group written as a modifier of the trigger noun ("Sudan's RSF shells", "Houthi
    missile attacks"): it acts, and a country possessor before it only says whose it is. (State words
    there are targets: "an army base attack".)"""
    modifiers = {c.i for c in head.children if c.dep_ in ("compound", "nmod", "amod") and c.i < head.i}
    return next((m for m in mentions if m.root.i in modifiers and m.actor.inter in ARMED_GROUP_INTERS), None)


def _entity(token: Token) -> SpacySpan:
    """The named entity a token is part of, without a leading article."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > token.sent.start and doc[start].ent_iob_ == "I":
        start -= 1
    while end < token.sent.end and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start + (1 if doc[start].pos_ == "DET" else 0):end]


def _mention(sent: Sequence[Token], offset: int, actor: Actor) -> _Mention | None:
    tokens = [t for t in sent if offset + t.idx >= actor.span.start and offset + t.idx + len(t) <= actor.span.end]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    return _Mention(actor, tokens, root)


def _trigger_root(sent: Sequence[Token], offset: int, trigger: tuple[int, int]) -> Token | None:
    tokens = [t for t in sent if offset + t.idx < trigger[1] and offset + t.idx + len(t) > trigger[0]]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def _is_source(mention: _Mention, head: Token | None) -> bool:
    """An actor who only reports the event ("police said", "a spokesman for the army said", "according to
    the border service", "citing police") takes no side in it."""
    token = mention.root
    at = head.i if head is not None else -1  # spaCy builds a new Token per access: compare positions
    for _ in range(4):  # up through "spokesman for", "the army's spokesman"
        if token.i == at:
            return False
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in SPEECH and token.head.i != at:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            return True
        if token.dep_ == "dobj" and token.head.lemma_ in ("cite", "quote"):
            return True  # "Yesterday's report, citing police, put the death toll at 17"
        if token.dep_ not in SOURCE_NOUNS_LINKS or token.head.i == token.i:
            return False
        token = token.head
    return False


def _speaker_meant(subject: Token | None, head: Token | None, mentions: list[_Mention]) -> _Mention | None:
    """The actor a pronoun subject stands for when it reports its own act ("Ukraine's air force said it
    shot down 54 drones", "the US military said its forces shot down 18 drones"): the subject of the
    speech verb the trigger's clause completes."""
    if subject is None or head is None:
        return None
    if subject.lower_ not in SELF_PRONOUNS and not any(
            c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in subject.children):
        return None
    verb = head
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "said it intercepted 20 drones and destroyed ..."
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in SPEECH:
        return None
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return _actor_at(speaker, mentions)


def _is_victim(mention: _Mention) -> bool:
    """Killed, wounded, abducted: the object of a harm verb ("killing three soldiers and four others") or
    the subject of its passive ("five villagers were killed"). Such people are never actor1 by position."""
    token = mention.root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "including":
        token = token.head.head  # "six civilians, including two children"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _MEMBERS:
        token = token.head.head  # "a member of the Syrian Democratic Forces was killed": the SDF lost him
    if token.dep_ in ("dobj", "obj", "nsubjpass") and token.head.lemma_ in HARM_VERBS:
        return True
    # A headline's passive without its auxiliary: "seven soldiers killed in ambush" (the participle
    # as the clause's verb or as the noun's modifier).
    if token.dep_ == "nsubj" and _bare_harm_participle(token.head) and \
            not any(c.dep_ in ("aux", "dobj", "obj") for c in token.head.children):
        return True
    if any(c.dep_ == "acl" and _bare_harm_participle(c) for c in token.children):
        return True
    # the small model sometimes hangs "killing at least six civilians" off the wrong verb; the words
    # right before the phrase still show it is a harm verb's object
    doc = mention.root.doc
    inside = {t.i for t in mention.tokens}
    position = min(inside) - 1
    while position >= 0 and (doc[position].pos_ in ("NUM", "DET") or doc[position].lower_ in QUANTITY_WORDS):
        position -= 1
    if position < 0:
        return False
    verb = doc[position]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return verb.pos_ == "VERB" and verb.lemma_ in HARM_VERBS and verb.tag_ != "VBN" and \
        all(c.i in inside for c in objects)


# Words for one of a group's people: "a member of", "two fighters of", "a commander of".
_MEMBERS = frozenset({"member", "fighter", "commander", "leader", "militant", "soldier", "officer", "cadre",
                      "official", "personnel"})


def _bare_harm_participle(token: Token) -> bool:
    return token.tag_ == "VBN" and token.lemma_ in HARM_VERBS


def _is_blamed(mention: _Mention) -> bool:
    """Named only as someone else's suspect: ACLED codes a group as actor1 only when it claims the attack or
    the attribution is confirmed, not when it is blamed, accused or suspected."""
    token = mention.root
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_ in BLAME_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ in ("on", "to"):
        # "on X" hangs off the verb or, in the small model's parse, off its object ("the bombing on X")
        governor = head.head.head if head.head.dep_ in ("dobj", "obj") else head.head
        if governor.lemma_ in BLAME_ON_VERBS:
            return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in HALLMARK_NOUNS


def _is_claimant(mention: _Mention) -> bool:
    """The subject of "claimed responsibility" / "took credit": the group that says it did it."""
    root = mention.root
    return root.dep_ == "nsubj" and root.head.lemma_ in CLAIM_VERBS and \
        any(c.dep_ in ("dobj", "obj") and c.lemma_ in CLAIM_OBJECTS for c in root.head.children)


def _agent_and_target(head: Token) -> tuple[Token | None, Token | None]:
    """The initiator and the target tokens of a trigger, read from its dependents."""
    # (a gerund the parse calls a verb reads as the noun it is: "Fighting between A and B killed seven")
    if head.pos_ in ("NOUN", "PROPN") or head.tag_ == "VBG" and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in head.children):
        return _noun_roles(head)
    agent = target = None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    for child in head.children:
        if child.dep_ == "nsubj" and not passive:
            agent = child
        elif child.dep_ == "nsubjpass":
            target = child
        elif child.dep_ == "agent":
            agent = _pobj(child) or agent
        elif child.dep_ in ("dobj", "obj") and target is None:
            target = child
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS | OPPONENT_PREPS and target is None:
            target = _hit_by(child)
    if target is None and not passive:
        # ("struck Islamic State fighters \"regrouping\" near Inates": the parse makes the fighters the
        # subject of a clause of their own)
        clause = next((c for c in head.children if c.dep_ == "ccomp" and c.tag_ == "VBG"), None)
        target = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    under = next((_pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ == "under"), None)
    if under is not None and under.lemma_.lower() in UNDER_FIRE_NOUNS and not passive:
        # "soldiers came under fire from gunmen": the subject is hit, whoever fired is after "from"
        shooter = next((_pobj(c) for t in (head, under) for c in t.children
                        if c.dep_ == "prep" and c.lower_ == "from"), None)
        return shooter, agent
    if head.dep_ in ("acl", "relcl") and (agent is None or agent.lower_ in RELATIVES):
        # "gunmen who attacked the post", "residents protesting outside": the noun described acts
        agent = head.head if not passive else agent
        target = head.head if passive and target is not None and target.lower_ in RELATIVES else target
    if agent is None and not passive:
        agent = _inherited_subject(head)
    return agent, target


def _noun_roles(head: Token) -> tuple[Token | None, Token | None]:
    """Roles around a noun trigger: "clashes between A and B", "an attack by A on B", "A's attack"."""
    agent = target = None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            first = _pobj(child)
            if first is not None:
                second = next((c for c in first.children if c.dep_ == "conj"), None)
                return first, second
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPS:
            agent = _pobj(child) or agent
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS | OPPONENT_PREPS:
            target = _pobj(child) or target
        elif child.dep_ == "poss" or child.dep_ == "nsubj" and agent is None:
            agent = child  # (a headline's "as Houthi shelling ... hit" parses the noun as a verb)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and agent is None:
            # "shells fired by Houthi forces", "a bomb planted by militants": the participle's agent
            agent = next((_pobj(c) for c in child.children if c.dep_ == "agent"), None)
    subject = head.head if head.dep_ == "conj" else head
    if subject.dep_ == "nsubj" and subject.head.pos_ == "VERB":
        # "Taliban gunmen and suicide bombers attacked the camp": the trigger's partner in the
        # subject acts with it; the verb's object is the target, also of "Niger's air force struck ...".
        if agent is None:
            agent = subject if subject is not head else next((c for c in head.children if c.dep_ == "conj"), None)
        target = target or _agent_and_target(subject.head)[1]
    weapon_of = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "with" else None
    if agent is None and weapon_of is not None and weapon_of.pos_ == "VERB" and \
            not any(c.dep_ in ("nsubjpass", "auxpass") for c in weapon_of.children):
        # "Russia struck Kharkiv with a ballistic missile": who wields the weapon struck
        agent = next((c for c in weapon_of.children if c.dep_ == "nsubj"), None)
        target = target or next((c for c in weapon_of.children if c.dep_ in ("dobj", "obj")), None)
    # "fired hundreds of drones and two dozen missiles": the first of the weapons, and what "hundreds" is
    first = head.head if head.dep_ == "conj" else head
    counted = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "of" and \
        first.head.head.ent_type_ == "CARDINAL" else first
    if agent is None and counted.dep_ in ("dobj", "obj") and counted.head.lemma_ in LIGHT_VERBS:
        agent = next((c for c in counted.head.children if c.dep_ == "nsubj"), None)
        if target is None:
            target = _aimed_at(counted.head)
    return agent, target


def _aimed_at(verb: Token) -> Token | None:
    """The object of the verb's first target preposition that names someone, not a day ("carried out air
    strikes on columns of fighters", "opened fire on a group of young people")."""
    return next((hit for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                 and (hit := _hit_by(c)) is not None), None)


def _hit_by(prep: Token) -> Token | None:
    """The object of a target preposition, unless a day ("On Monday, the army carried out air strikes on
    columns of fighters": no one hit on Monday)."""
    hit = _pobj(prep)
    if hit is None or hit.ent_type_ not in ("DATE", "TIME"):
        return hit
    # (the small model may hang a passive's subject on the day: "Late on Monday, Asad Mehsud, a
    # correspondent, was shot dead")
    return next((c for c in hit.conjuncts if c.ent_type_ not in ("DATE", "TIME")), None)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _inherited_subject(verb: Token) -> Token | None:
    """The subject shared by coordinated or chained verbs: "militants stormed the post and killed ..."."""
    current = verb
    while current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
        current = current.head
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _actor_at(token: Token | None, mentions: list[_Mention]) -> _Mention | None:
    """The actor a role token stands for: the one containing it, else one inside its phrase."""
    if token is None:
        return None
    for mention in mentions:
        if any(t.i == token.i for t in mention.tokens):
            return mention
    subtree = {t.i for t in token.subtree}
    inside = [m for m in mentions if m.root.i in subtree]
    return inside[0] if inside else None


def _phrase(token: Token) -> SpacySpan:
    """A noun's phrase without trailing clauses: "five passengers" from "five passengers who ..."."""
    left = token.left_edge
    return token.doc[left.i:token.i + 1]


def _fallback(mentions: list[_Mention], agent: _Mention | None, target: _Mention | None, head: Token | None,
              sources: set[int], victims: set[int], *, state_acts: bool = True) -> tuple[_Mention | None, _Mention | None]:
    """When the parse says nothing: the first actor before the trigger acts, the first after it is acted on.
    Victims of a harm verb never act by position; they are the first choice of target. With `state_acts`
    False, state forces never act by position either."""
    if agent is not None and target is not None and agent.actor.name == target.actor.name:
        target = None  # "soldiers repelled an attack on an army post, killing 20 militants": whom they killed
    # An actor that is the trigger itself ("suicide bombers" beside "Taliban gunmen") is never its target,
    # nor one backing the agent ("soldiers backed by local vigilantes").
    candidates = [m for m in mentions if id(m) not in sources and m is not agent and m is not target
                  and (head is None or all(t.i != head.i for t in m.tokens))
                  and (agent is None or not _backs(m.root, agent.root))]
    pivot = head.i if head is not None else 0
    if agent is None:
        agent = next((m for m in candidates if m.root.i < pivot and id(m) not in victims
                      and (state_acts or m.actor.inter != 1)), None)
    if target is None:
        target = next((m for m in candidates if id(m) in victims and m is not agent and
                       (agent is None or m.actor.name != agent.actor.name)), None)
    if target is None and agent is not None and not _acts_on_someone(head):
        # "Kyrgyz and Tajik border guards exchanged fire": the other side is inside the subject phrase (not
        # in "Congolese and Ugandan troops engaged them": allies, acting on someone else)
        inside = {t.i for t in agent.root.subtree}
        target = next((m for m in candidates if m.root.i in inside and m.actor.name != agent.actor.name), None)
        if target is not None and target.root.i < agent.root.i:
            agent, target = target, agent  # keep text order for mutual fighting
    if target is None:
        # (the phrase's head noun holds them all: "Congolese and Ugandan troops")
        allies = {t.i for t in agent.tokens[-1].subtree} if agent is not None and _acts_on_someone(head) else set()
        others = [m for m in candidates if m is not agent and (agent is None or m.actor.name != agent.actor.name)
                  and m.root.i not in allies]
        # the first actor after the trigger, else one before it ("Three civilians were killed when ...")
        target = next((m for m in others if m.root.i > pivot), None) or next(iter(others), None)
    return agent, target


def _acts_on_someone(head: Token | None) -> bool:
    """Whether the trigger's verb has a direct object other than what is fired ("exchanged fire")."""
    return head is not None and head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() not in _FIRED for c in head.children)


def _backs(token: Token, main: Token) -> bool:
    """Whether the token is the agent of a participle describing `main` ("soldiers backed by local
    vigilantes", "troops supported by militias"): an ally on main's side."""
    while token.i != main.i and token.head.i != token.i:
        if token.dep_ == "agent" and token.head.dep_ == "acl" and token.head.head.i == main.i:
            return True
        token = token.head
    return False


def _with_associates(mentions: list[_Mention], agent: _Mention | None, target: _Mention | None,
                     sources: set[int]) -> Sides:
    """Other actors join a side when coordinated with it ("border guards and police") or when they are
    the same state's forces; repeats of a main actor are dropped."""
    side: dict[int, int] = {}
    for mention in mentions:
        if agent is not None and mention.actor.name == agent.actor.name:
            side[id(mention)] = 1
        elif target is not None and mention.actor.name == target.actor.name:
            side[id(mention)] = 2
    changed = True
    while changed:
        changed = False
        for mention in mentions:
            if id(mention) in side or id(mention) in sources:
                continue
            for other in mentions:
                if id(other) in side and _coordinated(mention.root, other.root):
                    side[id(mention)] = side[id(other)]
                    changed = True
                    break
    for mention in mentions:
        if id(mention) in side or id(mention) in sources:
            continue
        if agent is not None and _backs(mention.root, agent.root):
            side[id(mention)] = 1  # "soldiers backed by local vigilantes"
            continue
        for number, main in ((2, target), (1, agent)):
            if main is not None and mention.actor.inter == main.actor.inter == 1 and \
                    mention.actor.country and mention.actor.country == main.actor.country:
                side[id(mention)] = number
                break
    assoc = {1: [], 2: []}
    seen = {m.actor.name for m in (agent, target) if m is not None}
    for mention in mentions:
        number = side.get(id(mention))
        if number and mention is not agent and mention is not target and mention.actor.name not in seen:
            assoc[number].append(mention.actor)
            seen.add(mention.actor.name)
    return Sides(agent.actor if agent else None, target.actor if target else None, tuple(assoc[1]), tuple(assoc[2]))


def _coordinated(a: Token, b: Token) -> bool:
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)
