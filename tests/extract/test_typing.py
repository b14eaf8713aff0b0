"""Event typing: lexicon schema, trigger finding, and one ACLED type per incident."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from faultline.errors import DataFileError
from faultline.extract.typing import EventTyper, Trigger
from faultline.extract.typing_rules import (
    EVENT_TYPES,
    DocMemo,
    PhraseIndex,
    inflect,
    load_lexicon,
    load_taxonomy,
    phrase_words,
    trie_regex,
)
from faultline.model import Actor, EventMention, Span

# Sentences written for these tests (not from any benchmark), one or more per ACLED sub-event type.
CASES = [
    ("Taliban fighters attacked a police checkpoint in Kunduz, killing 12 officers.",
     "Battles", "Armed clash"),
    ("Militants clashed with government troops near the border on Sunday.",
     "Battles", "Armed clash"),
    ("Government troops recaptured the town of Palma from the insurgents on Sunday.",
     "Battles", "Government regains territory"),
    ("Al-Shabaab militants seized control of the town of Bulo Burte on Tuesday.",
     "Battles", "Non-state actor overtakes territory"),
    ("Two suicide bombers blew themselves up at a market in Maiduguri, killing 15 people.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("A roadside bomb struck an army vehicle near Kandahar, killing three soldiers.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Warplanes carried out airstrikes on the village, killing six civilians.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Rebels fired mortar shells into the city centre on Monday.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("An unknown man hurled a grenade at a bar in Cotabato, wounding seven people.",
     "Explosions/Remote violence", "Grenade"),
    ("Government helicopters dropped chlorine gas on the rebel-held town, doctors said.",
     "Explosions/Remote violence", "Chemical weapon"),
    ("Gunmen opened fire on worshippers at a mosque, killing five people.",
     "Violence against civilians", "Attack"),
    ("Armed men abducted 20 students from a boarding school in Kaduna state.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("Soldiers raped several women during a search of the village.",
     "Violence against civilians", "Sexual violence"),
    ("Thousands of people marched through the capital to demand electoral reform.",
     "Protests", "Peaceful protest"),
    ("Police fired tear gas and water cannon to disperse protesters in Nairobi.",
     "Protests", "Protest with intervention"),
    ("Security forces opened fire on protesters in Basra, killing six demonstrators.",
     "Protests", "Excessive force against protesters"),
    ("Protesters threw stones at police and set fire to cars in the city centre.",
     "Riots", "Violent demonstration"),
    ("An angry mob lynched a man accused of blasphemy in the village.",
     "Riots", "Mob violence"),
    ("The government and the rebels signed a ceasefire agreement on Friday.",
     "Strategic developments", "Agreement"),
    ("Police arrested 40 opposition activists in Dhaka on Thursday.",
     "Strategic developments", "Arrests"),
    ("Police seized 30 rifles and 2,000 rounds of ammunition in a raid on Tuesday.",
     "Strategic developments", "Disrupted weapons use"),
    ("Turkish forces have set up a new military base in the village of Kalta.",
     "Strategic developments", "Headquarters or base established"),
    ("Hundreds of soldiers defected from the army on Monday.",
     "Strategic developments", "Change to group/activity"),
    ("Gunmen looted and burned houses in the village overnight.",
     "Strategic developments", "Looting/property destruction"),
]

NOT_EVENTS = [
    "A magnitude 6.4 earthquake struck the region on Monday, killing 30 people.",
    "Two men robbed a bank in the city centre and escaped with the cash.",
    "The foreign minister paid an official visit to Paris to discuss trade with her counterpart.",
    "Floods and landslides after torrential rain killed 12 people in the north.",
    "A gas explosion at a chemical plant killed four workers.",
    "Iran blamed Israel for the attack on its nuclear facility.",
    "The city council approved the budget for the new library.",
]

# General local news written for the cue test: almost none of it should reach the full parser.
LOCAL_NEWS = [
    "The city council voted on Tuesday to approve the new budget for the public library.",
    "Local schools will open an hour later next week because of the teachers' training day.",
    "The bakery on Main Street celebrated its 50th anniversary with free cupcakes.",
    "Residents complained about potholes on Elm Road after the heavy winter.",
    "The high school football team won the regional championship on Friday night.",
    "A new community garden opened in the north end of town.",
    "The mayor said the city would hire more bus drivers next year.",
    "Police said a man was charged with drunk driving after a crash on Route 9.",
    "The farmers market returns on Saturday with more than 40 vendors.",
    "Firefighters put out a small kitchen fire at an apartment building.",
    "The hospital announced plans to expand its emergency department.",
    "Gas prices rose by five cents a gallon this week.",
    "The planning board approved a new housing development near the river.",
    "The water main break closed two streets for several hours.",
    "A power outage affected 2,000 homes after a storm.",
    "The city is looking for volunteers to clean up the park.",
    "The bridge will be closed for repairs until October.",
    "The senior center offers free flu shots on Thursday.",
    "The company plans to hire 200 workers at its new factory.",
    "The council debated a proposal to ban plastic bags.",
    "The marathon will close several downtown streets on Sunday morning.",
    "The town approved a tax break for small businesses.",
    "The new coffee shop opened on the corner of First Avenue.",
    "The sheriff's office warned residents about a phone scam.",
    "The museum unveiled a new exhibit on local history.",
    "A dog was rescued from a frozen pond by a passer-by.",
    "The local theater group will perform Hamlet next month.",
    "Traffic was heavy on the highway because of the holiday weekend.",
    "Students raised 3,000 dollars for the animal shelter.",
    "The university announced a new scholarship for first-generation students.",
]


def incident(nlp, typer: EventTyper, text: str) -> Trigger | None:
    doc = nlp(text)
    sents = list(doc.sents)
    return typer.type_incident(sents, [t for s in sents for t in typer.triggers(s, 0)])


# ---------------------------------------------------------------- data files
def test_taxonomy_has_acled_25_sub_types_in_6_types():
    taxonomy = load_taxonomy()
    assert len(taxonomy) == 25
    assert {s.event_type for s in taxonomy.values()} == set(EVENT_TYPES)
    assert taxonomy["Excessive force against protesters"].disorder_type == (
        "Political violence; Demonstrations")
    assert taxonomy["Arrests"].disorder_type == "Strategic developments"
    assert taxonomy["Peaceful protest"].disorder_type == "Demonstrations"


def test_taxonomy_knows_what_a_foreign_state_and_a_state_at_home_do():
    taxonomy = load_taxonomy()
    assert taxonomy["Government regains territory"].by_foreign_state == "Non-state actor overtakes territory"
    assert taxonomy["Disrupted weapons use"].at_home
    assert not taxonomy["Air/drone strike"].at_home


def test_taxonomy_refuses_an_unknown_foreign_state_type(tmp_path: Path):
    text = (Path(__file__).parents[2] / "faultline" / "data" / "event_types.toml").read_text(encoding="utf-8")
    bad = tmp_path / "event_types.toml"
    bad.write_text(text.replace('by_foreign_state = "Non-state actor overtakes territory"',
                                'by_foreign_state = "Conquest"'), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_taxonomy(bad)


def _taken(actor_country: str | None, *, inter: int = 1) -> EventMention:
    actor = Actor(name="Military Forces of X", text="troops", inter=inter, span=Span(0, 6, "troops"),
                  country=actor_country, kind="military")
    return EventMention(article_id="a", event_type="Battles", sub_event_type="Government regains territory",
                        disorder_type="Political violence", trigger=Span(7, 15, "captured"), actor1=actor)


@pytest.mark.parametrize("actor_country,inter,expected", [
    ("RU", 1, "Non-state actor overtakes territory"),  # a foreign state's forces take the place
    ("UA", 1, "Government regains territory"),  # a government retakes its own ground
    (None, 1, "Government regains territory"),
    ("RU", 2, "Government regains territory"),
])
def test_a_state_taking_ground_abroad_overtakes_it(typer: EventTyper, actor_country, inter, expected):
    coded = typer.for_country(_taken(actor_country, inter=inter), "UA")
    assert coded.sub_event_type == expected
    assert (coded.event_type, coded.disorder_type) == ("Battles", "Political violence")


def test_a_state_at_home_places_an_interception_in_its_country(typer: EventTyper):
    actor = Actor(name="Military Forces of Georgia", text="air defences", inter=1, span=Span(0, 12, "air defences"),
                  country="GE", kind="military")
    stopped = EventMention(article_id="a", event_type="Strategic developments", sub_event_type="Disrupted weapons use",
                           disorder_type="Strategic developments", trigger=Span(13, 24, "intercepted"), actor1=actor)
    assert typer.home_country(stopped) == "GE"
    struck = dataclasses.replace(stopped, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                                 disorder_type="Political violence")
    assert typer.home_country(struck) is None


def test_lexicon_loads_and_every_rule_is_usable():
    lexicon = load_lexicon()
    assert lexicon.version
    assert {r.sub_event_type for r in lexicon.rules} <= set(lexicon.taxonomy)
    covered = {r.sub_event_type for r in lexicon.rules}
    assert covered == set(lexicon.taxonomy), "every ACLED sub-event type needs a trigger"
    assert all(r.words or r.phrases for r in lexicon.rules)


@pytest.mark.parametrize("mutation, message", [
    ('sub_event_type = "Armed clash"', 'sub_event_type = "Skirmish"'),
    ("weight = 0.7\n", "weight = 7\n"),
    ('requires_context = ["protester"]', 'requires_context = ["unicorn"]'),
    ('tags = ["battle"]', 'tags = ["nonsense"]'),
])
def test_malformed_lexicon_is_refused(tmp_path: Path, mutation: str, message: str):
    text = (Path(__file__).parents[2] / "faultline/data/triggers.toml").read_text(encoding="utf-8")
    assert mutation in text
    bad = tmp_path / "triggers.toml"
    bad.write_text(text.replace(mutation, message, 1), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon(bad)


def test_invalid_toml_is_a_data_file_error(tmp_path: Path):
    bad = tmp_path / "triggers.toml"
    bad.write_text("[[trigger]\nid = ", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon(bad)


# ---------------------------------------------------------------- building blocks
def test_inflect_and_phrase_words():
    assert {"attacks", "attacked", "attacking"} <= inflect("attack", {})
    assert {"seized", "seizing", "seizes"} <= inflect("seize", {})
    assert {"stabbed", "stabbing"} <= inflect("stab", {})
    assert "fought" in inflect("fight", {"fight": ("fought",)})
    assert phrase_words("gang-raped sit-in covid-19") == ["gang", "-", "raped", "sit", "-", "in",
                                                          "covid-19"]


def test_phrase_index_finds_inflected_phrases():
    index = PhraseIndex()
    index.add("x", [inflect("open", {}), {"fire"}])
    assert index.find(["gunmen", "opened", "fire", "on"]) == [("x", 1, 3)]
    assert index.find(["fire", "opened"]) == []


def test_phrase_index_keeps_registration_order_for_one_and_many_words():
    index = PhraseIndex()
    index.add("a", [{"car"}, {"bomb"}, {"attack"}])
    index.add("b", [{"car"}])
    index.add("c", [{"car"}, {"bomb"}])
    assert index.find(["car", "bomb", "attack"]) == [("a", 0, 3), ("b", 0, 1), ("c", 0, 2)]
    assert index.find(["a", "car"]) == [("b", 1, 2)]  # longer phrases run past the end


def test_doc_memo_computes_once_per_doc_and_key(nlp):
    memo, calls = DocMemo(), []

    def words(sent):
        calls.append(sent.start)
        return [t.lower_ for t in sent]

    first, second = nlp("Gunmen attacked a post. Two died."), nlp("Gunmen attacked a post. Two died.")
    sent = next(iter(first.sents))
    assert memo.get(first, (sent.start, sent.end), words, sent) == ["gunmen", "attacked", "a", "post", "."]
    memo.get(first, (sent.start, sent.end), words, sent)
    other = next(iter(second.sents))  # an equal text in another doc is computed afresh
    memo.get(second, (other.start, other.end), words, other)
    assert calls == [0, 0]


def test_trie_regex_matches_exactly_its_words():
    rx = re.compile(r"\b" + trie_regex(["attack", "attacks", "air strike", "ambush"]) + r"\b")
    assert rx.fullmatch("attacks") and rx.fullmatch("air strike") and rx.fullmatch("ambush")
    assert not rx.search("attacker") and not rx.search("air")


# ---------------------------------------------------------------- cue pattern
def test_cue_pattern_catches_event_sentences(typer: EventTyper):
    cue = re.compile(typer.cue_pattern())
    for text, _, _ in CASES:
        assert cue.search(text), text


def test_cue_pattern_skips_most_local_news(typer: EventTyper):
    cue = re.compile(typer.cue_pattern())
    hits = [s for s in LOCAL_NEWS if cue.search(s)]
    assert len(hits) <= len(LOCAL_NEWS) // 10, hits


# ---------------------------------------------------------------- triggers
def test_triggers_use_absolute_offsets_and_come_best_first(nlp, typer: EventTyper):
    article = "Intro text here. " + "Militants ambushed an army patrol and clashed with troops."
    offset = 17
    doc = nlp(article[offset:])
    trigs = typer.triggers(next(iter(doc.sents)), offset)
    assert trigs
    for t in trigs:
        assert article[t.start:t.end] == t.text
    assert [t.score for t in trigs] == sorted((t.score for t in trigs), reverse=True)


def test_weapons_that_are_found_are_not_explosions(nlp, typer: EventTyper):
    best = incident(nlp, typer, "Soldiers found three landmines and a grenade near the road.")
    assert best is not None and best.sub_event_type == "Disrupted weapons use"


def test_agent_decides_territory_direction(nlp, typer: EventTyper):
    gov = incident(nlp, typer, "The army retook the village of Kashma from the militants.")
    rebels = incident(nlp, typer, "The militants retook the village of Kashma from the army.")
    assert gov is not None and gov.sub_event_type == "Government regains territory"
    assert rebels is not None and rebels.sub_event_type == "Non-state actor overtakes territory"


def test_target_decides_battle_or_violence_against_civilians(nlp, typer: EventTyper):
    clash = incident(nlp, typer, "Gunmen attacked an army base in the north on Monday.")
    civ = incident(nlp, typer, "Gunmen attacked a village in the north on Monday, killing ten villagers.")
    assert clash is not None and clash.event_type == "Battles"
    assert civ is not None and civ.event_type == "Violence against civilians"
    assert civ.civilian_targeting and not clash.civilian_targeting


# ---------------------------------------------------------------- type_incident
@pytest.mark.parametrize("text, event_type, sub_event_type", CASES)
def test_type_incident(nlp, typer: EventTyper, text: str, event_type: str, sub_event_type: str):
    best = incident(nlp, typer, text)
    assert best is not None, text
    assert (best.event_type, best.sub_event_type) == (event_type, sub_event_type)
    assert best.disorder_type == typer.lexicon.taxonomy[sub_event_type].disorder_type


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_acled_event(nlp, typer: EventTyper, text: str):
    assert incident(nlp, typer, text) is None


def test_protest_sub_type_depends_on_what_followed(nlp, typer: EventTyper):
    text = "Hundreds of students protested outside parliament on Monday."
    assert incident(nlp, typer, text).sub_event_type == "Peaceful protest"
    more = text + " Police later fired rubber bullets to disperse them."
    assert incident(nlp, typer, more).sub_event_type == "Protest with intervention"
    worse = text + " Protesters later hurled stones and petrol bombs at the police."
    assert incident(nlp, typer, worse).event_type == "Riots"


def test_threats_are_not_events(nlp, typer: EventTyper):
    assert incident(nlp, typer, "The rebels threatened to attack the capital.") is None


def test_no_triggers_no_event(typer: EventTyper):
    assert typer.type_incident([], []) is None


# ---------------------------------------------------------------- fixes (sentences written here)
def test_tear_gas_with_injuries_is_intervention_not_excessive_force(nlp, typer: EventTyper):
    text = ("Nurses rallied outside the health ministry on Monday. Riot officers used tear gas and "
            "water cannon to break up the rally. Nine nurses were injured and 15 were detained.")
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == "Protest with intervention"


def test_protesters_killed_is_excessive_force(nlp, typer: EventTyper):
    text = ("Nurses rallied outside the health ministry on Monday. Riot officers used tear gas to "
            "break up the rally. Two nurses were killed.")
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == "Excessive force against protesters"


def test_arrests_that_lead_a_raid_report_beat_the_seizure(nlp, typer: EventTyper):
    lead_arrest = ("Police arrested three suspected members of the separatist movement in a raid in "
                   "the port city on Friday, a spokesman said. Guns and explosives were seized "
                   "from the compound.")
    lead_seizure = ("Rifles and grenades were seized from a farmhouse in a dawn raid. "
                    "Six suspected rebels were detained, the army added.")
    assert incident(nlp, typer, lead_arrest).sub_event_type == "Arrests"
    assert incident(nlp, typer, lead_seizure).sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize("text", [
    "The Pakistani Taliban claimed the bombing that killed 14 people.",
    "Al-Shabaab claimed responsibility for a truck bomb that killed nine soldiers on Friday.",
    "Local suicide bombers are suspected to be behind the blasts that hit a market on Sunday.",
])
def test_a_claim_naming_the_toll_is_still_a_claim(nlp, typer: EventTyper, text: str):
    # CASE/ACLED attribution: the attack is coded from the sentences that report it.
    assert incident(nlp, typer, text) is None


def test_the_attack_reported_beside_its_claim_is_the_attack(nlp, typer: EventTyper):
    best = incident(nlp, typer, "A truck bomb killed nine soldiers at a base near Mogadishu on "
                                "Friday. Al-Shabaab later claimed responsibility.")
    assert best is not None and best.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    "The Pakistani Taliban claimed the bombing.",
    "The interior minister accused the separatists of the bombing.",
    "Officials blamed the rebels for the attack on the pipeline.",
])
def test_bare_claims_and_accusations_are_not_events(nlp, typer: EventTyper, text: str):
    assert incident(nlp, typer, text) is None


def test_an_accusation_frames_only_its_own_clause(nlp, typer: EventTyper):
    described = "Soldiers detained a man accused of spying for the rebels on Tuesday."
    best = incident(nlp, typer, described)
    assert best is not None and best.sub_event_type == "Arrests"
    later = ("Gunmen abducted four engineers near the dam on Sunday, a week after the governor "
             "accused the militia of extortion.")
    best = incident(nlp, typer, later)
    assert best is not None and best.sub_event_type == "Abduction/forced disappearance"


def test_a_negated_event_gives_way_to_the_reported_one(nlp, typer: EventTyper):
    text = "No arrests have been made after the attacks in which dozens of shops were looted on Sunday."
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type != "Arrests"


def test_out_of_scope_context_in_a_neighbouring_sentence_counts(nlp, typer: EventTyper):
    doc = nlp("A chemical plant was shaken by a huge fire in the industrial zone on Monday. "
              "The blast killed seven workers and injured 40, officials said.")
    sents = list(doc.sents)
    assert len(sents) == 2
    blast = sents[1]  # the incident the extractor builds holds only the sentence with the deaths
    assert typer.type_incident([blast], typer.triggers(blast, 0)) is None


def test_cue_pattern_skips_the_month_march_but_not_marches(typer: EventTyper):
    cue = re.compile(typer.cue_pattern(), re.IGNORECASE)  # the nlp stage adds IGNORECASE too
    assert not cue.search("The library reopens on 3 March after repairs.")
    assert cue.search("Thousands march on parliament.") and cue.search("Farmers marched to the city.")
    assert cue.search("Police intercepted a shipment of guns at the port.")


@pytest.mark.parametrize("text", [
    # crime word as a detail of an attack: "fake", "stole"
    "The attacker, who carried a fake pistol, was shot dead by soldiers at the gate.",
    "Militants shot dead a shopkeeper in the market and stole his motorbike.",
    # accident word as a detail: the bomb car crashed into the gate
    ("A car packed with explosives crashed into the police station gate and exploded, "
     "killing six officers."),
    # diplomacy word naming the victim
    "A gunman shot dead a foreign diplomat outside his hotel on Sunday.",
])
def test_out_of_scope_details_yield_to_attackers_or_arms(nlp, typer: EventTyper, text: str):
    best = incident(nlp, typer, text)
    assert best is not None and best.event_type in (
        "Violence against civilians", "Battles", "Explosions/Remote violence")


@pytest.mark.parametrize("text", [
    "Two robbers stole a car and shot the owner in the leg.",
    "A bus crash on the mountain road killed 14 soldiers.",
])
def test_out_of_scope_incidents_without_attackers_or_arms_stay_out(nlp, typer: EventTyper, text: str):
    assert incident(nlp, typer, text) is None


def test_a_claim_in_a_joined_clause_does_not_frame_the_killing(nlp, typer: EventTyper):
    text = ("Five soldiers were killed when militants stormed an army post, and the group "
            "claimed responsibility for the attack.")
    best = incident(nlp, typer, text)
    assert best is not None and best.event_type in ("Battles", "Violence against civilians")
    # the claim alone still frames its attack
    assert incident(nlp, typer, "The group claimed responsibility for the attack.") is None


def test_a_building_that_collapses_after_blasts_is_no_accident(nlp, typer: EventTyper):
    text = ("Two blasts killed 30 people who were praying in a church in the city. "
            "The church roof collapsed onto the worshippers.")
    best = incident(nlp, typer, text)
    assert best is not None and best.event_type in ("Violence against civilians", "Explosions/Remote violence")


@pytest.mark.parametrize("text", [
    "Gunmen stabbed a farmer to death in the village and then stole his car.",
    "Bandits shot dead two traders on the highway and looted their goods.",
])
def test_lethal_violence_leads_over_looting_in_one_incident(nlp, typer: EventTyper, text: str):
    # ACLED codes the most severe event: the looting is a detail of the attack.
    best = incident(nlp, typer, text)
    assert best is not None and best.event_type == "Violence against civilians"


@pytest.mark.parametrize("text", [
    "Unknown men set fire to a church and several houses in the village overnight.",
    "Militiamen looted the market and burned shops in the town.",
])
def test_arson_without_demonstrators_is_property_destruction(nlp, typer: EventTyper, text: str):
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize("text, sub", [
    ("Hundreds of protesters looted shops and set fire to a police station in the city.",
     "Violent demonstration"),
    ("Rioters torched cars and smashed windows in the city centre.", "Violent demonstration"),
    ("An angry mob set fire to the house of a man accused of witchcraft.", "Mob violence"),
])
def test_arson_and_looting_by_a_crowd_is_a_riot(nlp, typer: EventTyper, text: str, sub: str):
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == sub


def test_a_negation_inside_the_trigger_phrase_does_not_negate_it(nlp, typer: EventTyper):
    text = "Rebel fighters entered the town on Monday and did not encounter any resistance."
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == "Non-violent transfer of territory"


def test_demonstrators_breaking_into_a_building_riot(nlp, typer: EventTyper):
    text = "Demonstrators broke into the parliament building and tore down the gates."
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == "Violent demonstration"
    # police removing a protest camp is no riot, and a break-in with no crowd is no event
    best = incident(nlp, typer, "Police pulled down the protest tents in the square on Monday.")
    assert best is None or best.event_type == "Protests"
    assert incident(nlp, typer, "Burglars broke into a shop in the town on Monday.") is None


def test_theft_by_an_armed_group_is_looting_not_crime(nlp, typer: EventTyper):
    text = "Armed militiamen robbed traders and stole their goods at the market."
    best = incident(nlp, typer, text)
    assert best is not None and best.sub_event_type == "Looting/property destruction"
    assert incident(nlp, typer, "A thief stole a car from the market on Monday.") is None


def test_suspects_detained_after_a_killing_the_report_leads_with_do_not_type_it(nlp, typer):
    text = ("Gunmen shot dead five villagers at a market in the town of Iguala on Sunday, police said. "
            "Two suspects were detained on Monday.")
    assert incident(nlp, typer, text).sub_event_type == "Attack"
    arrest_first = "Police arrested and beat six opposition activists in the town of Arua on Monday."
    assert incident(nlp, typer, arrest_first).sub_event_type == "Arrests"


def test_a_guided_bomb_is_dropped_from_the_air(nlp, typer):
    text = "A guided bomb struck a residential building in the town of Kostiantynivka, killing four people."
    assert incident(nlp, typer, text).sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", [
    "Its statement described the dead as terrorists of a banned group.",
    "It said two of the abducted villagers had been freed.",
])
def test_people_a_told_event_took_name_no_event_of_their_own(nlp, typer: EventTyper, text: str):
    assert incident(nlp, typer, text) is None


def test_people_taken_or_killed_now_still_name_the_event(nlp, typer: EventTyper):
    assert incident(nlp, typer, "Gunmen abducted 20 villagers on Sunday.").sub_event_type == \
        "Abduction/forced disappearance"
    assert incident(nlp, typer, "Gunmen shot dead three villagers on Sunday.").event_type == \
        "Violence against civilians"
