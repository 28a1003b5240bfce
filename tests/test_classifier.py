"""Reading moves: the contract's examples, the tuning corpora, and the rules that are easy to get wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rehearse.content.playbook import Playbook
from rehearse.reading.reader import Reader as Classifier

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "corpus" / "dprk_examples.yaml"  # the labelled examples of the move contract
TUNING = sorted(p for p in (ROOT / "tests" / "corpus").glob("dprk_tuning*.yaml") if "_team" not in p.stem)


@pytest.fixture(scope="module")
def reader(dprk: Playbook) -> Classifier:
    return Classifier(dprk)


def rows(path: Path) -> list[dict[str, object]]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read(reader: Classifier, text: str) -> tuple[str, list[str], list[str]]:
    move = reader.classify(text)
    return move.kind, sorted(move.gives), sorted(move.asks)


def test_every_contract_example_is_read_exactly(reader: Classifier) -> None:
    wrong = [
        (r["text"], read(reader, r["text"]))
        for r in rows(EXAMPLES)
        if read(reader, r["text"]) != (r["kind"], r.get("gives", []), r.get("asks", []))
    ]
    assert wrong == []


@pytest.fixture(scope="module")
def kinds_right(reader: Classifier) -> dict[str, list[bool]]:
    """For each tuning corpus, whether each utterance's kind is read right (read once per run)."""
    return {
        corpus.stem: [reader.classify(r["text"]).kind == r["kind"] for r in rows(corpus)] for corpus in TUNING
    }


def test_tuning_corpora_are_read_at_95_percent_overall(kinds_right: dict[str, list[bool]]) -> None:
    right = [ok for corpus in kinds_right.values() for ok in corpus]
    assert len(right) > 1000
    assert sum(right) / len(right) >= 0.95


@pytest.mark.parametrize("corpus", TUNING, ids=lambda p: p.stem)
def test_no_tuning_corpus_falls_below_90_percent(kinds_right: dict[str, list[bool]], corpus: Path) -> None:
    right = kinds_right[corpus.stem]
    assert sum(right) / len(right) >= 0.90


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rule 1: a threat wins, even polite or with an offer
        ("We would hate to see this end in a show of force.", ("threat", [], [])),
        (
            "Freeze Yongbyon and we will ease sanctions; refuse, and we walk out.",
            ("threat", ["sanctions_relief"], ["fissile_freeze"]),
        ),
        ("Answer on the inspectors by Friday.", ("demand", [], ["inspections"])),
        # asking about penalties is a question; a rhetorical one threatens
        ("How would your government respond if the exercises resumed?", ("question", [], [])),
        ("Why did your side walk out of the talks in 2019?", ("question", [], [])),
        ("Do you really want to find out what happens if you test again?", ("threat", [], [])),
        # penalties by family, in any frame; an item inside the penalty is not offered
        (
            "Should you refuse to freeze enrichment, the sanctions will be tightened across the board.",
            ("threat", [], ["fissile_freeze"]),
        ),
        ("We have been patient. Past those limits, the B-52s fly again.", ("threat", [], [])),
        (
            "Keep stalling on inspectors and we'll cut off the food shipments we already promised.",
            ("threat", [], ["inspections"]),
        ),
        ("we cant accept a freeze-for-freeze, sorry", ("reject", [], [])),
        # misconduct answered by our next step is a threat; a benign answer is not
        ("If you resume testing, we will act.", ("threat", [], [])),
        ("If there is another test, I will report it to my capital.", ("other", [], [])),
        ("We won't warn you twice: halt the Hwasong-15 tests.", ("threat", [], ["icbm_test_moratorium"])),
        ("Nobody wants war on this peninsula.", ("other", [], [])),
        # what the other side said, and history, offer nothing; a later grant does
        (
            "Your minister said yesterday that American troops must leave. That is not going to happen.",
            ("reject", [], []),
        ),
        (
            "Your negotiators asked for a hotline. You can have it, as long as Sohae stays quiet.",
            ("reciprocal", ["liaison_offices"], ["icbm_test_moratorium"]),
        ),
        # threats stated as consequences, facts of readiness or personal penalties
        (
            "Another ICBM launch means another carrier group off your coast.",
            ("threat", [], ["icbm_test_moratorium"]),
        ),
        ("Our planners already have a list of targets, and they update it every week.", ("threat", [], [])),
        (
            "We need an ICBM test moratorium in place by the end of March.",
            ("demand", [], ["icbm_test_moratorium"]),
        ),
        # acceptance in spite of 'no' words; a refusal in spite of 'deal'
        ("I can't say no to that.", ("accept", [], [])),
        ("That's a deal we simply can't make.", ("reject", [], [])),
        # items by paraphrase
        (
            "tell u what, u scrap the big ones that can hit the west coast and we unblock the money in macau",
            ("reciprocal", ["sanctions_relief"], ["icbm_elimination"]),
        ),
        (
            "The US will refrain from flying strategic bombers near your airspace.",
            ("concession", ["exercise_limits"], []),
        ),
        # rule 2: refusing is not offering, refraining is
        ("We will not lift sanctions.", ("reject", [], [])),
        ("We will not impose new sanctions.", ("concession", ["no_new_sanctions"], [])),
        ("No sanctions relief until you freeze enrichment.", ("demand", [], ["fissile_freeze"])),
        (
            "Once you freeze enrichment, we will ease sanctions.",
            ("reciprocal", ["sanctions_relief"], ["fissile_freeze"]),
        ),
        ("We will not hold the autumn drills this year.", ("concession", ["exercise_limits"], [])),
        ("We are not going to stop the exercises.", ("reject", [], [])),
        (
            "Before any aid is discussed, we need a moratorium on ICBM tests.",
            ("demand", [], ["icbm_test_moratorium"]),
        ),
        (
            "A smaller warhead stockpile is a precondition for any sanctions relief.",
            ("demand", [], ["stockpile_reduction"]),
        ),
        ("US forces in the South are not part of these discussions.", ("reject", [], [])),
        # rule 3: offer plus ask in any form
        (
            "we will open liaison offices as soon as you stop nuclear testing for good",
            ("reciprocal", ["liaison_offices"], ["nuclear_test_moratorium"]),
        ),
        (
            "We might look at easing the textile sanctions, on the understanding that enrichment stops.",
            ("reciprocal", ["sanctions_relief"], ["fissile_freeze"]),
        ),
        (
            "would u freeze the reactor if we eased sanctions",
            ("reciprocal", ["sanctions_relief"], ["fissile_freeze"]),
        ),
        # rule 5: floated offer in a question; a dropped demand
        ("If we postponed the manoeuvres, what would you do?", ("question", ["exercise_limits"], [])),
        ("We no longer insist on complete denuclearization up front.", ("concession", [], [])),
        # rule 6: an ask phrased as a question, a polite ask otherwise
        ("Could the test site stay closed while we talk?", ("question", [], ["nuclear_test_moratorium"])),
        ("We would appreciate it if you stopped testing missiles.", ("demand", [], ["icbm_test_moratorium"])),
        # rule 7 and 8
        ("Denuclearization of the peninsula remains our long-term goal.", ("other", [], [])),
        ("Can we take a short break?", ("other", [], [])),
        ("What kind of security guarantee would satisfy you?", ("question", [], [])),
        # paraphrase by place and programme, several sentences, the move last
        (
            "We have talked all morning. Let me be concrete. Shut Yongbyon and we send winter fuel.",
            ("reciprocal", ["economic_aid"], ["fissile_freeze"]),
        ),
        ("destroy the rockets that can reach alaska", ("demand", [], ["icbm_elimination"])),
    ],
)
def test_rules_in_order(reader: Classifier, text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert read(reader, text) == expected


@pytest.mark.parametrize(
    "text", ["[bold]x[/bold]", "fine [/] done", "\x00\x1b[31m", "🙂" * 50, "a" * 100_000]
)
def test_odd_text_is_read_without_error(reader: Classifier, text: str) -> None:
    assert reader.classify(text).kind in {"other", "question", "reject", "accept", "demand"}


OTHER_PERSONAS = sorted(
    {p.stem.split("_")[0] for p in (ROOT / "tests" / "corpus").glob("*_tuning*.yaml")} - {"dprk"}
)


@pytest.mark.parametrize("persona_id", OTHER_PERSONAS)
def test_each_other_delegation_reads_its_trained_corpora_at_90_percent(persona_id: str) -> None:
    from rehearse import load_persona
    from rehearse.reading.model import shipped_model

    model = shipped_model()
    assert model is not None
    trained = set(model.info["corpora"])
    from rehearse.reading.train import playbook_path

    reader = Classifier(load_persona(str(playbook_path(persona_id))))
    data = [
        row
        for corpus in (ROOT / "tests" / "corpus").glob(f"{persona_id}_tuning*.yaml")
        if corpus.stem in trained
        for row in rows(corpus)
    ]
    assert len(data) >= 60
    right = sum(reader.classify(r["text"]).kind == r["kind"] for r in data)
    assert right / len(data) >= 0.90


# Floors a little under what each held-out set measured when it was first read (docs/reading.md):
# they catch a regression; the sets are never trained or tuned on.
HELD_OUT_FLOORS = {"dprk": 0.95, "usa": 0.90, "rok": 0.86, "china": 0.90, "harbor": 0.75}


@pytest.mark.parametrize("persona_id", sorted(HELD_OUT_FLOORS))
def test_each_held_out_set_is_read_above_its_floor(persona_id: str) -> None:
    from rehearse import load_persona

    reader = Classifier(load_persona(persona_id))
    data = rows(ROOT / "tests" / "corpus" / f"{persona_id}_heldout.yaml")
    assert len(data) >= 150
    right = sum(reader.classify(str(r["text"])).kind == r["kind"] for r in data)
    assert right / len(data) >= HELD_OUT_FLOORS[persona_id]
