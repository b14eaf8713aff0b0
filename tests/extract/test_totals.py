"""Conservative totals over one incident's figures (faultline.extract.totals)."""

from __future__ import annotations

from faultline.extract.totals import fatality_total, kind_total
from tests.extract.factory import fig


def test_more_people_add_to_a_count_several_figures_back():
    # "12 hostages were executed and 42 more people kidnapped. Four more people were also killed."
    figs = [fig("killed", 12, who="hostages", side="civilians"),
            fig("captured", 42, who="more people", sentence=1),
            fig("killed", 4, who="more people", sentence=100)]
    assert fatality_total(figs)[0] == 16
    # Without an earlier death count there is nothing to add to.
    assert fatality_total(figs[1:])[0] == 4


def test_one_source_named_fully_then_partly_is_one_source():
    # "..., Iraqi police sources said." then "A second blast killed 2, police sources said."
    figs = [fig("killed", 38, who="people", source="Iraqi police sources", source_kind="police"),
            fig("killed", 2, sentence=300, source="police sources", source_kind="police")]
    assert fatality_total(figs)[0] == 38
    # Two different sources that disagree still give the lower count.
    figs[1] = fig("killed", 2, sentence=300, source="hospital officials", source_kind="medical")
    assert fatality_total(figs)[0] == 2


def test_an_indefinite_person_in_a_later_sentence_is_someone_new():
    first = [fig("killed", 2, who="officers", side="state", text="kill the 2 officers"),
             fig("killed", 1, who="pedestrian", side="civilians", text="kill the 2 officers and a pedestrian")]
    new = fig("killed", 1, who="man", side="civilians", text="killed a man", sentence=400)
    assert fatality_total([*first, new])[0] == 4
    # "the man" refers back to the pedestrian: a restatement, counted once.
    same = fig("killed", 1, who="man", side="civilians", text="the man was killed", sentence=400)
    assert fatality_total([*first, same])[0] == 3


def test_the_injured_who_died_are_counted_with_the_dead_only():
    # "Twelve people were wounded in the blast. Two of the wounded later died."
    figs = [fig("injured", 12, who="people", text="Twelve people were wounded"),
            fig("killed", 2, who="wounded", text="Two of the wounded later died", sentence=100)]
    assert (fatality_total(figs)[0], kind_total(figs, "injured")) == (2, 10)


def test_a_victim_who_died_comes_out_of_the_injured_when_only_injuries_came_before():
    # "Two men were stabbed outside a bar. One of the victims died in hospital."
    stabbed = fig("injured", 2, who="men", side="civilians", text="Two men were stabbed")
    died = fig("killed", 1, who="victims", text="One of the victims died", sentence=100)
    assert kind_total([stabbed, died], "injured") == 1
    # After a death count "the victims" may be the dead: the injured stay as reported.
    dead = fig("killed", 3, who="people", text="Three people were killed", sentence=0)
    hurt = fig("injured", 10, text="ten injured", sentence=50)
    assert kind_total([dead, hurt, fig("killed", 1, who="victims", text="One of the victims died",
                                       sentence=100)], "injured") == 10
    # A count of its own ("one more victim died") is no part of the injured.
    assert kind_total([stabbed, fig("killed", 1, who="victims", text="one more victim died", sentence=100)],
                      "injured") == 2


def test_victims_named_by_their_people_restate_the_fighters_counted_elsewhere():
    figs = [fig("killed", 2, who="Palestinians", text="kill two Palestinians"),
            fig("killed", 2, who="gunmen", side="perpetrators", sentence=60, text="killed two gunmen")]
    assert fatality_total(figs)[0] == 2
    figs.append(fig("killed", 3, who="soldiers", side="state", sentence=60, text="and three soldiers"))
    assert fatality_total(figs)[0] == 5


def test_a_count_of_no_known_side_restates_the_count_another_sentence_gave_a_side():
    figs = [fig("killed", 3, who="fighters", side="perpetrators", text="kills 3 Kurdish fighters"),
            fig("killed", 3, who="members", sentence=60, text="killed three members")]
    assert fatality_total(figs)[0] == 3
    figs.append(fig("killed", 4, who="members", sentence=120, text="killed four members"))
    assert fatality_total(figs)[0] == 7


def test_an_indefinite_person_of_a_group_counted_before_is_one_more():
    # "15 civilians were killed ... another attacker stabbed to death a civilian"
    crowd = fig("killed", 15, who="civilians", side="civilians", text="15 civilians were killed")
    one = fig("killed", 1, who="civilian", side="civilians", text="stabbed to death a civilian", sentence=200)
    assert fatality_total([crowd, one])[0] == 16


def test_a_toll_said_to_have_risen_replaces_lower_counts_whoever_gives_it():
    first = fig("killed", 38, who="people", text="killing 38 people")
    risen = fig("killed", 47, text="the toll rose to 47", sentence=100, source="medics", source_kind="medical")
    assert fatality_total([first, risen])[0] == 47
    # (reports of one count that disagree still give the lowest, down to the risen toll)
    higher = fig("killed", 61, who="people", text="61 people were killed", sentence=300, source="the RSF",
                 source_kind="group_claim")
    assert fatality_total([first, risen, higher])[0] == 47


def test_the_wounded_who_died_in_a_sentence_giving_the_toll_are_in_it():
    toll = fig("killed", 47, text="the toll rose to 47", sentence=100)
    died = fig("killed", 3, who="wounded", text="several of the wounded died", sentence=100)
    assert fatality_total([fig("killed", 38, who="people", text="killing 38 people"), toll, died])[0] == 47
