"""Accepting and amending what is on the table, closing the roadmap, and items put off for later."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearse import Negotiation
from rehearse.content.playbook import Playbook
from rehearse.content.registry import load_persona
from rehearse.engine.preview import preview, read_back

OFFER = "If you halt ICBM tests, we will scale down the joint exercises."
PHASE_1 = "If you halt ICBM and nuclear tests, we will limit exercises and impose no new sanctions."
PHASE_2 = "If you freeze enrichment under international monitoring, we will open liaison offices and ease sanctions."


def agreed_once(dprk: Playbook) -> Negotiation:
    neg = Negotiation(dprk, seed=0)
    neg.say(OFFER)
    neg.say("Agreed.")  # accepts the counter on the table
    assert len(neg.ledger) == 1 and neg.table is None
    return neg


def test_a_bare_accept_with_nothing_on_the_table_does_not_close_the_talks(dprk: Playbook) -> None:
    neg = agreed_once(dprk)
    turn = neg.say("Agreed.")
    assert turn.outcome == "ongoing" and turn.situation == "agreed_so_far"
    assert "a moratorium on ICBM tests" in turn.reply  # says what is agreed so far
    assert neg.table is not None  # and puts the next step on the table


@pytest.mark.parametrize(
    "words", ["We accept the roadmap.", "We have a deal on the whole package.", "Let's sign what we have."]
)
def test_words_that_name_the_whole_deal_close_it(dprk: Playbook, words: str) -> None:
    neg = agreed_once(dprk)
    assert neg.say(words).outcome == "agreement"


def test_the_delegation_proposes_to_close_and_a_plain_accept_then_closes(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    for text in (PHASE_1, "Agreed."):
        neg.say(text)
    turn = neg.say(PHASE_2)  # accepted outright: two exchanges over two phases
    assert turn.situation == "propose_close" and neg.closing
    assert "close" in turn.reply.lower()
    assert neg.say("Agreed.").outcome == "agreement"


def test_a_new_proposal_withdraws_the_offer_to_close(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    for text in (PHASE_1, "Agreed.", PHASE_2):
        neg.say(text)
    assert neg.closing
    neg.say("If you limit intermediate-range missiles, we will begin a peace treaty process.")
    assert not neg.closing


def test_rok_needs_two_exchanges_before_the_package_can_close() -> None:
    rok = load_persona("rok")
    neg = Negotiation(rok, seed=0)
    neg.say("We will restore the military hotline if you end the loudspeaker broadcasts.")
    if neg.table is not None:
        neg.say("Agreed.")
    assert neg.say("We accept the package as it stands.").outcome == "ongoing"


def test_an_accept_that_adds_an_item_is_played_as_a_counter_on_the_table(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    neg.say(OFFER)
    table = neg.table
    assert table is not None
    turn = neg.say("Yes, if you add a nuclear test moratorium.")
    assert turn.move.kind == "demand"  # the reader's label stays context-free
    assert turn.played and "exercise_limits" not in neg.agreed_items  # nothing given for free
    assert neg.table is not None and "nuclear_test_moratorium" in neg.table.persona_gives
    assert table.user_gives <= neg.table.user_gives  # the rest of the proposal kept


def test_an_accept_that_drops_an_item_strikes_it_from_the_proposal(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    neg.say(OFFER)
    assert neg.table is not None and "end_hostile_policy" in neg.table.user_gives
    turn = neg.say("Fine, but drop the end to the hostile policy.")
    assert turn.played
    assert "end_hostile_policy" not in neg.agreed_items  # never given away by striking it


def test_agreed_inspectors_included_never_becomes_a_free_gift(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    neg.say(OFFER)
    neg.say("Agreed, inspectors included.")
    gifts = [e for e in neg.ledger if not e.persona_gives]
    assert not gifts


@pytest.mark.parametrize(
    "text",
    [
        "Let's park the peace treaty for now and focus on testing.",
        "The peace treaty can wait for a later phase.",
        "Keep the peace treaty for the last stage.",
    ],
)
def test_items_put_off_are_never_given(dprk: Playbook, text: str) -> None:
    neg = Negotiation(dprk, seed=0)
    turn = neg.say(text)
    assert "peace_treaty" not in neg.agreed_items
    assert "peace_treaty" not in turn.move.gives or turn.situation == "parked" or turn.played


def test_parking_an_item_takes_it_off_the_table(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    neg.say(OFFER)
    assert neg.table is not None and "end_hostile_policy" in neg.table.user_gives
    neg.say("The end to the hostile policy can wait for a later phase.")
    assert neg.table is None or "end_hostile_policy" not in neg.table.user_gives
    assert "end_hostile_policy" not in neg.agreed_items


@pytest.mark.parametrize("persona", ["dprk", "usa", "rok", "china", "harbor"])
def test_a_question_never_puts_anything_into_the_roadmap(persona: str) -> None:
    neg = Negotiation(load_persona(persona), seed=0)
    for text in (
        "Explain your dual-track idea to me.",
        "What would you need from us first?",
        "Could sanctions relief come later?",
    ):
        neg.say(text)
    assert neg.ledger == []


def test_preview_never_changes_the_session(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=5)
    neg.say(OFFER)
    before = (neg.state, neg.meters, neg.ledger, neg.table, len(neg.turns), neg._rng.getstate())
    result = preview(neg, "Agreed.")
    assert result.turn.number == 2
    assert (neg.state, neg.meters, neg.ledger, neg.table, len(neg.turns), neg._rng.getstate()) == before
    assert neg.say("Agreed.").reply == result.turn.reply  # what was previewed is what happens


def test_preview_flags_what_would_end_the_talks_and_not_a_plain_offer(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    assert preview(neg, OFFER).risks == ()
    walkout = preview(neg, "Denuclearize now or face the consequences.")
    assert any("walk out" in r for r in walkout.risks)
    closing = agreed_once(dprk)
    assert any("close the talks" in r for r in preview(closing, "We accept the roadmap.").risks)
    assert preview(closing, "Agreed.").risks == ()


def test_read_back_says_the_move_in_words(dprk: Playbook) -> None:
    neg = Negotiation(dprk)
    words = read_back(neg, OFFER)
    assert words == "reciprocal: you offer limits on military exercises; you ask a moratorium on ICBM tests"
    assert (
        read_back(neg, "Freeze enrichment now.") == "demand: you ask a freeze on fissile material production"
    )


def test_preview_flags_an_item_given_away_that_the_message_never_named(dprk: Playbook) -> None:
    from rehearse.moves import Move
    from rehearse.reading.reader import Reading, reader_for

    neg = Negotiation(dprk, seed=0)
    text = "You know what we are ready to do."
    reader = reader_for(dprk)
    reader._memo[text] = Reading(Move("concession", frozenset({"peace_treaty"})), confidence=0.9)
    try:
        risks = preview(neg, text).risks
    finally:
        reader._memo.pop(text)
    assert any("give away a peace treaty, which you did not name" in r for r in risks)
    assert neg.ledger == []


def test_an_exchange_offered_again_earns_nothing_twice(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    neg.say(PHASE_1)
    neg.say("Agreed.")
    trust = neg.meters["trust"]
    turn = neg.say("If you halt ICBM tests, we will limit exercises.")  # both already agreed
    assert turn.played and turn.situation == "already_agreed"
    assert neg.meters["trust"] == trust and len(neg.ledger) == 1
    assert "already" in turn.reply


@pytest.mark.parametrize("persona", ["dprk", "usa", "rok", "china", "harbor"])
def test_no_reply_repeats_within_five_turns_while_another_variant_fits(persona: str) -> None:
    playbook = load_persona(persona)
    neg = Negotiation(playbook, seed=3)
    for _ in range(7):
        neg.say("How do you see the sequencing of the steps?")
    turns = neg.turns
    for i, turn in enumerate(turns):
        window = min(5, len(playbook.replies[turn.situation]) - 1)
        earlier = [t.reply for t in turns[max(0, i - window) : i]]
        assert turn.reply not in earlier, (i, turn.situation)


def test_the_ledger_holds_only_exchanges_and_the_roadmap_is_grouped_by_stage(dprk: Playbook) -> None:
    from rehearse.engine.turns import roadmap_lines

    neg = Negotiation(dprk, seed=0)
    neg.say("As a goodwill gesture we will scale down this year's exercises.")  # a gift
    neg.say(OFFER)
    neg.say("Agreed.")
    neg.say("If you halt nuclear tests, we will ease sanctions.")
    if neg.table is not None:
        neg.say("Agreed.")
    assert all(e.user_gives and e.persona_gives for e in neg.ledger)
    assert [e.user_gives for e in neg.gifts] == [frozenset({"exercise_limits"})]
    lines = roadmap_lines(dprk, neg.agreements)
    stages = [line.split(":")[0] for line in lines if line.startswith("phase")]
    assert stages == sorted(set(stages))  # each stage once, in stage order
    assert lines[-1] == "given by your side: limits on military exercises"


def everything_agreed(persona: Playbook) -> Negotiation:
    """Agree every item, phase by phase, with corrected readings (the reader is not under test)."""
    neg = Negotiation(persona, seed=0)
    items = persona.items.values()
    for phase in sorted({item.phase for item in items}):
        gives = [
            i.id for i in items if i.side == "user" and i.phase <= phase and i.id not in neg.agreed_items
        ]
        asks = [
            i.id for i in items if i.side == "persona" and i.phase <= phase and i.id not in neg.agreed_items
        ]
        if gives and asks:
            neg.say("An offer.")
            neg.correct("reciprocal", gives, asks)
    return neg


def test_an_accept_when_nothing_is_left_to_propose_proposes_to_close_not_no_proposal() -> None:
    harbor = load_persona("harbor")
    neg = everything_agreed(harbor)
    neg.say("One more thing.")
    neg.correct("demand", asks=[next(i for i, item in harbor.items.items() if item.side == "persona")])
    assert neg.outcome == "ongoing" and neg.table is None
    turn = neg.say("Agreed.")
    # the trainee asked for nothing: "what you ask goes beyond anything..." would be wrong
    assert turn.situation == "propose_close", turn.reply
    assert neg.say("We accept.").outcome == "agreement"


def test_a_rule_that_counters_an_acceptable_offer_puts_the_offer_itself_on_the_table(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rehearse.cli import cli

    CliRunner().invoke(cli, ["new", "persona", "border", "--dir", str(tmp_path)])
    path = tmp_path / "border.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("when: offer.verdict == 'accept'", "when: offer.verdict == 'accept' and turn > 50")
    text = text.replace("replies:\n", 'replies:\n  no_proposal:\n    - "Nothing would balance that."\n', 1)
    path.write_text(text, encoding="utf-8")
    neg = Negotiation(load_persona(str(path)), seed=0)
    turn = neg.say("If you agree to a ceasefire, we will offer humanitarian aid.")
    assert turn.move.kind == "reciprocal"
    # the counter rule fired on an offer acceptable as it stands: never "nothing would balance"
    assert turn.situation == "counter_offer" and "Nothing would balance" not in turn.reply
    assert "ceasefire" in turn.reply and "humanitarian aid" in turn.reply
    assert neg.table is not None and neg.table.persona_gives == {"ceasefire"}
    neg.say("Agreed.")
    assert neg.agreed_items == {"ceasefire", "aid"}
