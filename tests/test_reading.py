"""The reading pipeline: sides from the playbook, typo-tolerant items, the learned layer, evidence."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rehearse import load_persona
from rehearse.moves import MOVE_KINDS
from rehearse.reading.decide import decide
from rehearse.reading.reader import Reader
from rehearse.reading.typos import within_one_edit

ROOT = Path(__file__).resolve().parent.parent


@cache
def reader(persona: str) -> Reader:
    return Reader(load_persona(persona))


def read(persona: str, text: str) -> tuple[str, list[str], list[str]]:
    move = reader(persona).classify(text)
    return move.kind, sorted(move.gives), sorted(move.asks)


@pytest.mark.parametrize(
    ("persona", "text", "expected"),
    [
        # the misreadings that made a new user stop trusting the tool (issue 10)
        (
            "rok",
            "We will restore the military hotline if you end the loudspeaker broadcasts.",
            ("reciprocal", ["military_hotline"], ["loudspeaker_halt"]),
        ),
        ("rok", "We will keep the border calm.", ("concession", ["provocation_halt"], [])),
        (
            "china",
            "Then our offer is: no secondary sanctions on Chinese banks and firms and no further THAAD "
            "deployment, for stricter sanctions enforcement at the border and at sea.",
            ("reciprocal", ["no_secondary_sanctions", "thaad_restraint"], ["sanctions_enforcement"]),
        ),
        (
            "china",
            "we cud suspend the exercizes for a test freze",
            ("reciprocal", ["exercise_suspension"], ["test_freeze_pressure"]),
        ),
        ("dprk", "Let's park the peace treaty for now and focus on testing.", ("other", [], [])),
        (
            "dprk",
            "A declaration ending the war is something we can take up in a later phase.",
            ("other", [], []),
        ),
        ("china", "Explain your dual-track idea to me.", ("question", [], [])),
        ("dprk", "Sure.", ("accept", [], [])),
        ("dprk", "asdkjh qwe ???", ("other", [], [])),
    ],
)
def test_what_a_new_user_typed_is_read_as_meant(
    persona: str, text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert read(persona, text) == expected


def test_side_names_come_from_the_playbook_so_we_and_you_follow_the_user() -> None:
    # Washington is the user's side against dprk and the persona's side against usa.
    assert "ourside" in reader("dprk").analyse("Washington will ease sanctions.").words
    assert "theirside" in reader("usa").analyse("Washington must ease sanctions.").words
    assert read("dprk", "Washington will ease sanctions if Pyongyang freezes enrichment.") == (
        "reciprocal",
        ["sanctions_relief"],
        ["fissile_freeze"],
    )
    assert read("usa", "Pyongyang will freeze enrichment if Washington eases sanctions.") == (
        "reciprocal",
        ["fissile_freeze"],
        ["sanctions_relief"],
    )


def test_a_name_in_capitals_never_takes_the_pronoun_us() -> None:
    assert "ourside" in reader("dprk").analyse("The US will ease sanctions.").words
    words = reader("dprk").analyse("Give us a freeze on enrichment.").words
    assert "us" in words and "ourside" not in words


def test_an_item_found_first_keeps_a_side_name_inside_it() -> None:
    # "Chinese" names the persona's side, but "Chinese banks" is part of an item.
    kind, gives, _ = read("china", "We will not sanction Chinese banks.")
    assert (kind, gives) == ("concession", ["no_secondary_sanctions"])


def test_one_edit_is_one_insertion_deletion_substitution_or_swap() -> None:
    assert within_one_edit("reunoin", "reunion")
    assert within_one_edit("loudspeakr", "loudspeaker")
    assert within_one_edit("exerciz", "exercis")
    assert not within_one_edit("sanction", "station")


def test_known_words_are_never_taken_for_misspellings() -> None:
    speller = reader("china").finder.lexicon.speller
    assert speller.correct("exercizes") == "exercise"
    assert speller.correct("testing") is None
    assert speller.correct("weapons") is None


def test_every_reading_has_a_confidence_and_names_its_evidence() -> None:
    reading = reader("dprk").read("If you halt ICBM tests, we will limit exercises.")
    assert reading.move.kind == "reciprocal"
    assert 0.5 < reading.confidence <= 1
    assert "offer: 'we will limit exercises'" in reading.evidence
    assert any(e.startswith("ask: ") and "icbm tests" in e for e in reading.evidence)
    threat = reader("dprk").read("Denuclearize now or we will use force.")
    assert any(e.startswith("threat: ") for e in threat.evidence)


def test_reading_is_deterministic_with_or_without_the_memo() -> None:
    texts = ["Freeze enrichment now.", "we cud ease sanctons if u stop testin", "Agreed."]
    fresh = Reader(load_persona("dprk"))
    fresh.memo = False
    assert [fresh.read(t) for t in texts] == [reader("dprk").read(t) for t in texts]


def test_a_draft_read_keystroke_by_keystroke_reads_as_if_read_afresh() -> None:
    """The sentence memo (a long draft re-reads only what changed) never changes a reading."""
    draft = (
        "Good morning. We came to work. If you halt ICBM tests, we will scale down the joint exercises. "
        "Agreed, inspectors included. Let's park the peace treaty for now. Freeze enrichment now"
    )
    typing = Reader(load_persona("dprk"))
    typing.memo = False
    fresh = Reader(load_persona("dprk"))
    fresh.memo = fresh.sentence_memo = False
    for end in range(60, len(draft) + 1, 7):
        assert typing.read(draft[:end]) == fresh.read(draft[:end]), draft[:end]


@given(
    st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=8, max_size=8),
    st.sets(st.sampled_from(["a", "b"])),
    st.sets(st.sampled_from(["x", "y"])),
)
def test_the_decided_move_always_fits_its_items(probs: list[float], gives: set[str], asks: set[str]) -> None:
    move, confidence = decide(probs, MOVE_KINDS, frozenset(gives), frozenset(asks))
    assert 0 <= confidence <= 1
    assert move.gives <= gives and move.asks <= asks
    if move.kind == "reciprocal" and not (move.gives and move.asks):
        assert not (gives and asks)  # an unnamed side only when the message names none
    if move.kind == "reciprocal":
        assert move.gives or move.asks
    if move.kind == "demand":
        assert move.asks and not move.gives
    if move.kind == "concession":
        assert not move.asks
    if move.kind == "question":
        assert not (move.gives and move.asks)
    if move.kind in ("accept", "reject", "other"):
        assert not move.gives and not move.asks


def test_reading_needs_no_scikit_learn_at_run_time() -> None:
    code = (
        "import sys; from rehearse import load_persona; from rehearse.reading.reader import Reader;"
        "Reader(load_persona('dprk')).classify('Agreed.');"
        "print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_pasted_key_or_hash_is_noise_not_a_threat() -> None:
    pasted = (
        "Tg5CjpFF8eQv2xMeNGsLE2/Ba5/iokGNtsk2Emiy" * 100 + " V3vqslIpWpM1WIb/EzC3U9npF2GukbAeOEPKIfZO" * 100
    )
    assert read("dprk", pasted)[0] == "other"


def test_a_longer_match_of_another_item_wins_whichever_of_its_matches_it_is(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rehearse.cli import cli
    from rehearse.reading.reader import reader_for

    CliRunner().invoke(cli, ["new", "persona", "plant", "--dir", str(tmp_path)])
    path = tmp_path / "plant.yaml"
    text = path.read_text(encoding="utf-8")
    extra = (
        "  inspections:\n    label: seals and cameras\n    side: persona\n    value: 10\n    phase: 1\n"
        "    phrases: [seals and cameras, seal* .. centrifug*]\n"
        "  centrifuge_limits:\n    label: limits on centrifuges\n    side: persona\n    value: 10\n"
        "    phase: 1\n    phrases: [centrifug*]\n"
    )
    path.write_text(text.replace("items:\n", "items:\n" + extra, 1), encoding="utf-8")
    found = reader_for(load_persona(str(path))).read(
        "Allow seals and cameras at the plant, and a seal on every centrifuge."
    )
    # "seal .. centrifuge" is the inspections item's second match; "centrifuge" alone is inside it
    assert found.move.asks == {"inspections"}, found.move


def test_a_parking_fee_is_an_item_not_a_deferral() -> None:
    from rehearse.content.registry import load_persona
    from rehearse.reading.reader import reader_for

    housing = load_persona(str(Path(__file__).resolve().parent / "corpus" / "playbooks" / "housing.yaml"))
    reading = reader_for(housing).read(
        "If Brightwater reopens the playground, our members will pay the small parking fee."
    )
    assert reading.move.gives == {"parking_fee"} and not reading.intents.parks
    parked = reader_for(housing).read("Let's park the parking fee for now.")
    assert parked.intents.parks == {"parking_fee"}
