"""The dprk delegation's behaviour: action-for-action moves talks forward, demands derail them."""

from __future__ import annotations

import pytest

from rehearse import Negotiation, RehearseError
from rehearse.content.playbook import Playbook
from rehearse.errors import EmptyMessageError, SessionEndedError

PHASED_PLAN = [
    "If you declare a moratorium on ICBM and nuclear tests, we will limit our military exercises "
    "and impose no new sanctions.",
    "Agreed.",
    "If you freeze production of nuclear material under international monitoring, we will open "
    "liaison offices and ease sanctions.",
    "Agreed.",
    "If you limit your intermediate-range missiles, we will begin a peace treaty process.",
    "If you reduce your nuclear stockpile, we will provide economic aid and diplomatic recognition.",
    "Agreed.",
    "We accept the roadmap as it stands.",
]


def play(neg: Negotiation, *messages: str) -> None:
    for message in messages:
        neg.say(message)


def test_balanced_reciprocal_offer_is_accepted_into_the_ledger(neg: Negotiation) -> None:
    play(neg, "If you freeze nothing else, fine. Let us start.")
    before = neg.meters
    turn = neg.say("If you halt ICBM tests, we will limit exercises and end the hostile policy.")
    assert turn.move.kind == "reciprocal"
    assert turn.situation == "accept_offer"
    assert turn.meters["trust"] > before["trust"]
    assert turn.meters["tension"] <= before["tension"]
    assert neg.ledger[-1].persona_gives == {"icbm_test_moratorium"}
    assert neg.ledger[-1].phase == 1
    assert "moratorium on ICBM tests" in turn.reply


def test_short_offer_is_countered_with_a_better_balanced_exchange(neg: Negotiation) -> None:
    before = neg.meters
    turn = neg.say("If you halt ICBM tests, we will scale down the joint exercises.")
    assert turn.meters["trust"] > before["trust"]
    assert turn.meters["tension"] <= before["tension"]
    assert turn.table is not None and turn.table.by == "persona"
    assert turn.table.persona_gives == {"icbm_test_moratorium"}
    assert turn.table.user_gives > {"exercise_limits"}
    for item in turn.table.user_gives:
        assert neg.persona.label(item) in turn.reply


def test_grossly_unbalanced_offer_is_countered_and_raises_no_trust(neg: Negotiation) -> None:
    before = neg.meters
    turn = neg.say("We will open a liaison office if you give up all your nuclear weapons.")
    assert turn.move.kind == "reciprocal"
    assert turn.situation == "counter_gross"
    assert turn.meters["trust"] <= before["trust"]
    assert turn.table is not None
    assert "complete_denuclearization" not in turn.table.persona_gives
    assert neg.ledger == []


def test_demand_lowers_trust_and_raises_tension(neg: Negotiation) -> None:
    before = neg.meters
    turn = neg.say("Freeze enrichment now.")
    assert turn.move.kind == "demand"
    assert turn.meters["trust"] < before["trust"]
    assert turn.meters["tension"] > before["tension"]
    assert turn.state == "hardening"
    assert any("unilateral demand" in str(r) for r in turn.reasons)


def test_third_demand_in_a_row_derails(neg: Negotiation) -> None:
    play(neg, "Halt all ICBM tests immediately.", "We require unrestricted access for inspectors.")
    assert neg.outcome == "ongoing"
    turn = neg.say("Destroy your long-range missiles. That is the starting point.")
    assert turn.outcome == "derailed"
    assert turn.state == "walkout"


def test_a_reciprocal_offer_breaks_the_demand_streak(neg: Negotiation) -> None:
    play(neg, "Halt all ICBM tests immediately.", "Freeze enrichment now.")
    neg.say("If you stop nuclear tests, we will suspend the exercises and end the hostile policy.")
    turn = neg.say("We require unrestricted access for inspectors.")
    assert turn.outcome == "ongoing"


def test_threat_raises_tension_sharply(neg: Negotiation) -> None:
    before = neg.meters
    turn = neg.say("Another missile test and we will respond militarily.")
    assert turn.move.kind == "threat"
    assert turn.meters["tension"] - before["tension"] >= 20
    assert turn.outcome == "ongoing"


@pytest.mark.parametrize(
    "ultimatum",
    [
        "Denuclearize completely or we will use military force.",
        "Accept CVID by the end of the year or the pressure campaign doubles.",
    ],
)
def test_ultimatum_on_complete_denuclearization_derails_at_once(neg: Negotiation, ultimatum: str) -> None:
    turn = neg.say(ultimatum)
    assert turn.outcome == "derailed"
    assert len(neg.turns) == 1


def test_concession_raises_trust_a_little_and_the_persona_asks_for_more(neg: Negotiation) -> None:
    before = neg.meters
    turn = neg.say("As a goodwill gesture we will scale down this year's exercises.")
    assert turn.move.kind == "concession"
    assert 0 < turn.meters["trust"] - before["trust"] <= 6
    assert neg.ledger == []  # a one-sided gift is not an exchange of the roadmap
    assert neg.gifts[-1].user_gives == {"exercise_limits"} and neg.gifts[-1].persona_gives == frozenset()
    assert "exercise_limits" in neg.agreed_items
    assert turn.table is not None and turn.table.persona_gives


@pytest.mark.parametrize(
    ("question", "situation", "words"),
    [
        ("What does denuclearization mean to your side?", "answer_denuclearization", ["peninsula", "region"]),
        ("What security would your government need?", "answer_security", ["attack", "guarantee", "hostil"]),
        ("How would you sequence the steps?", "answer_sequencing", ["first", "step", "phase", "treaty"]),
    ],
)
def test_questions_are_answered_from_positions_without_raising_tension(
    neg: Negotiation, question: str, situation: str, words: list[str]
) -> None:
    before = neg.meters
    turn = neg.say(question)
    assert turn.move.kind == "question"
    assert turn.situation == situation
    assert turn.meters["tension"] <= before["tension"]
    assert any(w in turn.reply.lower() for w in words)


def test_question_about_an_item_puts_a_package_on_the_table(neg: Negotiation) -> None:
    turn = neg.say("What would you want for a moratorium on nuclear tests?")
    assert turn.situation == "answer_item"
    assert turn.table is not None and turn.table.persona_gives == {"nuclear_test_moratorium"}
    neg.say("Agreed.")
    assert neg.ledger[-1].persona_gives == {"nuclear_test_moratorium"}


def test_accept_puts_the_table_into_the_ledger(neg: Negotiation) -> None:
    table = neg.say("If you halt ICBM tests, we will scale down the joint exercises.").table
    turn = neg.say("Agreed.")
    assert turn.move.kind == "accept"
    assert neg.ledger[-1].persona_gives == table.persona_gives
    assert neg.ledger[-1].user_gives == table.user_gives
    assert neg.table is None


def test_reject_drops_the_table_and_raises_tension_a_little(neg: Negotiation) -> None:
    neg.say("If you halt ICBM tests, we will scale down the joint exercises.")
    before = neg.meters
    turn = neg.say("That is not acceptable to us.")
    assert turn.move.kind == "reject"
    assert neg.table is None
    assert 0 < turn.meters["tension"] - before["tension"] <= 5


def test_accepting_with_nothing_agreed_does_not_end_the_session(neg: Negotiation) -> None:
    turn = neg.say("We accept.")
    assert turn.outcome == "ongoing"
    assert turn.situation == "nothing_to_accept"


def test_the_seed_phased_plan_reaches_agreement_within_twelve_turns(neg: Negotiation) -> None:
    for message in PHASED_PLAN:
        turn = neg.say(message)
        if turn.outcome != "ongoing":
            break
    assert neg.outcome == "agreement"
    assert len(neg.turns) <= 12
    phases = [e.phase for e in neg.ledger]
    assert phases == sorted(phases) and phases[0] == 1 and max(phases) >= 3
    given = set().union(*(e.persona_gives for e in neg.ledger))
    assert {"icbm_test_moratorium", "nuclear_test_moratorium", "fissile_freeze", "irbm_limits"} <= given


def test_premature_ask_is_countered_with_a_first_phase_step(neg: Negotiation) -> None:
    turn = neg.say("If you freeze enrichment, we will ease sanctions.")
    assert turn.situation == "counter_premature"
    assert turn.table is not None
    assert all(neg.persona.items[i].phase == 1 for i in turn.table.persona_gives)


def test_machine_stages_are_felt(neg: Negotiation) -> None:
    assert neg.state == "opening"
    assert neg.say("How would you sequence the steps?").state == "probing"
    assert neg.say("Halt all ICBM tests immediately.").state == "hardening"
    assert neg.say("If you halt ICBM tests, we will suspend the exercises.").state == "bargaining"


def test_every_turn_explains_its_meter_changes(neg: Negotiation) -> None:
    turn = neg.say("You must give up all your nuclear weapons first.")
    reason = str(turn.reasons[0])
    assert "trust -12" in reason and "tension +18" in reason


def test_say_after_the_end_raises_a_rehearse_error(neg: Negotiation) -> None:
    neg.say("Denuclearize completely or we will use military force.")
    with pytest.raises(SessionEndedError):
        neg.say("Sorry.")
    assert issubclass(SessionEndedError, RehearseError)


@pytest.mark.parametrize("text", ["", "   ", "\x00\x07", "...", "\n\t"])
def test_empty_messages_are_refused_clearly(neg: Negotiation, text: str) -> None:
    with pytest.raises(EmptyMessageError):
        neg.say(text)
    assert neg.turns == []


def test_rewind_returns_to_just_after_turn_n(dprk: Playbook) -> None:
    script = [
        "Good morning.",
        "If you halt ICBM tests, we will scale down the joint exercises.",
        "Freeze enrichment now.",
        "What does denuclearization mean to you?",
    ]
    neg = Negotiation(dprk, seed=3)
    play(neg, *script)
    neg.rewind(2)
    reference = Negotiation(dprk, seed=3)
    play(reference, *script[:2])
    assert neg.meters == reference.meters
    assert neg.state == reference.state
    assert neg.table == reference.table
    assert [t.reply for t in neg.turns] == [t.reply for t in reference.turns]
    assert neg.say(script[2]).reply == reference.say(script[2]).reply


def test_rewind_out_of_range_is_refused(neg: Negotiation) -> None:
    with pytest.raises(RehearseError, match="cannot rewind"):
        neg.rewind(3)


def test_same_seed_same_replies_different_seed_can_differ(dprk: Playbook) -> None:
    script = ["Good morning.", "Freeze enrichment now.", "How would you sequence the steps?"] * 1
    replies = []
    for seed in (1, 1, 2, 3, 4, 5):
        neg = Negotiation(dprk, seed=seed)
        replies.append([neg.say(m).reply for m in script])
    assert replies[0] == replies[1]
    assert any(r != replies[0] for r in replies[2:])
