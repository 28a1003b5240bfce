"""Properties that hold for any input: a turn or a RehearseError, bounded meters, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearse import Negotiation, RehearseError
from rehearse.content.playbook import Playbook

PHRASES = [
    "If you halt ICBM tests, we will limit exercises.",
    "Freeze enrichment now.",
    "Denuclearize or else.",
    "We accept.",
    "That is not acceptable.",
    "What does security mean to you?",
    "As a gesture we will send food aid.",
    "[bold]x[/bold] fine [/] done",
    "",
]
messages = st.one_of(st.sampled_from(PHRASES), st.text(max_size=300))
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def play(dprk: Playbook, seed: int, script: list[str]) -> list[tuple[str, str, dict[str, int]]]:
    neg = Negotiation(dprk, seed=seed)
    out = []
    for text in script:
        try:
            turn = neg.say(text)
        except RehearseError:
            continue
        assert all(0 <= v <= 100 for v in turn.meters.values())
        assert turn.outcome in ("ongoing", "agreement", "derailed")
        assert turn.move.gives <= {i for i, item in dprk.items.items() if item.side == "user"}
        assert turn.move.asks <= {i for i, item in dprk.items.items() if item.side == "persona"}
        assert turn.reply.strip()
        out.append((turn.reply, turn.state, turn.meters))
    return out


@SETTINGS
@given(seed=st.integers(0, 2**31), script=st.lists(messages, max_size=12))
def test_any_script_gives_turns_or_rehearse_errors_with_bounded_meters(
    dprk: Playbook, seed: int, script: list[str]
) -> None:
    play(dprk, seed, script)


@SETTINGS
@given(seed=st.integers(0, 2**31), script=st.lists(messages, max_size=8))
def test_same_seed_and_inputs_give_the_same_session(dprk: Playbook, seed: int, script: list[str]) -> None:
    assert play(dprk, seed, script) == play(dprk, seed, script)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    unit=st.text(min_size=1, max_size=20), noise=st.text(alphabet="\x00\x01\x1b\x7f\u200b\r\t", max_size=50)
)
def test_huge_pastes_and_control_characters_are_read_quickly(dprk: Playbook, unit: str, noise: str) -> None:
    paste = (unit + noise) * (100_000 // (len(unit) + len(noise)) + 1)
    neg = Negotiation(dprk)
    try:
        turn = neg.say(paste[:100_000] + " If you halt ICBM tests, we will limit exercises.")
    except RehearseError:
        return
    assert turn.move.kind in (
        "reciprocal",
        "threat",
        "concession",
        "demand",
        "question",
        "other",
        "accept",
        "reject",
    )


def test_repeated_fillers_with_doubled_spaces_are_read_at_once(dprk: Playbook) -> None:
    """A regression: "so  so  so ..." sent the question pattern into exponential backtracking."""
    import time

    start = time.perf_counter()
    for filler in ("so  ", "and\t ", "well ,  "):
        Negotiation(dprk).say(filler * 200 + "what would you need?")
    assert time.perf_counter() - start < 2.0
