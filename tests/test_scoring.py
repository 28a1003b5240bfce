"""The debrief explains the session: score rule, counts, turning points, missed openings."""

from __future__ import annotations

from rehearse import Negotiation
from rehearse.content.playbook import Playbook
from rehearse.engine.scoring import debrief


def test_agreement_scores_higher_than_a_walkout(neg: Negotiation, dprk: Playbook) -> None:
    for text in [
        "If you halt ICBM and nuclear tests, we will limit exercises and impose no new sanctions.",
        "Agreed.",
        "We accept the roadmap.",
    ]:
        neg.say(text)
    good = debrief(neg)
    assert good.outcome == "agreement"
    bad_neg = Negotiation(dprk)
    bad_neg.say("Denuclearize completely or we will use military force.")
    bad = debrief(bad_neg)
    assert good.score > bad.score
    assert "for the outcome (agreement)" in good.score_rule
    assert good.counts["reciprocal"] == 1 and good.counts["accept"] == 2
    assert good.secured == ["a moratorium on ICBM tests", "a moratorium on nuclear tests"]
    assert good.roadmap[0].startswith("phase 1:")


def test_turning_points_are_the_biggest_swings(neg: Negotiation) -> None:
    neg.say("Good morning.")
    neg.say("Freeze enrichment now.")
    neg.say("How would you sequence the steps?")
    report = debrief(neg)
    assert report.turning_points[0].turn == 2
    assert "unilateral demand" in report.turning_points[0].reasons[0]
    assert report.meters["tension"][:3] == [50, 50, 62]


def test_missed_openings_list_early_items_never_offered(neg: Negotiation) -> None:
    neg.say("If you halt ICBM tests, we will limit exercises and end the hostile policy.")
    report = debrief(neg)
    assert "limits on military exercises" not in report.missed
    assert "no new sanctions" in report.missed


def test_doing_nothing_scores_nothing_and_the_rule_reads_plainly(dprk: Playbook) -> None:
    from rehearse.engine.scoring import debrief

    idle = Negotiation(dprk, seed=0)
    idle.say("Good morning.")
    report = debrief(idle)
    assert report.score == 0
    assert "nothing agreed" in report.score_rule and "/5" not in report.score_rule
    assert "trust you built (35 to 35" in report.score_rule


def test_a_costly_move_comes_with_what_would_have_worked_instead(dprk: Playbook) -> None:
    neg = Negotiation(dprk, seed=0)
    for text in [
        "Good morning.",
        "Freeze enrichment now.",
        "If you halt ICBM tests, we will scale down the joint exercises.",
        "Agreed.",
    ]:
        neg.say(text)
    twin = Negotiation(dprk, seed=0)
    for turn in neg.turns:
        twin.say(turn.say)
    report = debrief(neg)
    demand = next(p for p in report.turning_points if p.turn == 2)
    assert demand.label.startswith("walk-out warning") and demand.kind == "demand"
    assert demand.instead is not None and neg.classify(demand.instead.text).kind == "reciprocal"
    assert "instead of" in demand.instead.difference and "earlier" in demand.instead.difference
    agreed = next(p for p in report.turning_points if p.turn == 4)
    assert agreed.label == "phase 1 agreed" and agreed.instead is None
    # the debrief never changes the session: the next reply is the twin's
    assert neg.say("What comes next?").reply == twin.say("What comes next?").reply


def test_the_score_parts_add_up_to_the_score(neg: Negotiation) -> None:
    for text in ["If you halt ICBM tests, we will scale down the joint exercises.", "Agreed."]:
        neg.say(text)
    report = debrief(neg)
    assert sum(points for _, points, _ in report.score_parts) == report.score
    assert sum(most for _, _, most in report.score_parts) == 100
