"""How long a table turn takes with every party seated (the six-party table), and a first paint.

    python benchmarks/table.py

A table turn is the addressed party's turn plus the links that fire. The script of ten messages
is played on a fresh table many times; the reader's memo is on (the repeated script), as in the
engine benchmark. Target: under 2 ms a table turn.

It also times the table's hint (F6, ``/hint``): every party still at the table is asked for its
best next message by lookahead, from each point of the hint-following path to the statement.
Target: under 150 ms, as for a bilateral hint.
"""

from __future__ import annotations

import statistics
import time

from rehearse.content.tables import load_table, tables_dir
from rehearse.engine.table import TableSession

SCRIPT = [
    "Good morning, everyone.",
    "@dprk If you halt ICBM tests, we will scale down the joint exercises.",
    "@dprk Agreed.",
    "Beijing, if you press Pyongyang to freeze its tests, we will suspend the spring exercises.",
    "@china Agreed.",
    "Seoul, if you join a common position at the table, we will consult you before any deal with Pyongyang.",
    "@rok Agreed.",
    "Tokyo, if you step up ship inspections and asset freezes, we will raise the abductees in every round.",
    "@japan Agreed.",
    "We accept the joint statement.",
]


def main() -> None:
    """Print the median and worst time of a table turn over repeated plays."""
    spec = load_table(tables_dir() / "six-party.yaml")
    times: list[float] = []
    for round_number in range(60):
        table = TableSession(spec, seed=round_number % 5)
        for message in SCRIPT:
            if table.outcome != "ongoing":
                break
            start = time.perf_counter()
            table.say(message)
            times.append(time.perf_counter() - start)
    warm = times[len(SCRIPT) :]  # the first play reads each message once
    print(
        f"six-party table turn: median {statistics.median(warm) * 1000:.2f} ms, "
        f"p95 {statistics.quantiles(warm, n=20)[18] * 1000:.2f} ms over {len(warm)} turns "
        f"({len(spec.parties)} parties)"
    )
    hints: list[float] = []
    for seed in range(5):
        table = TableSession(spec, seed=seed)
        while table.outcome == "ongoing" and len(table.turns) < 20:
            start = time.perf_counter()
            found = table.hint()
            hints.append(time.perf_counter() - start)
            if found is None:
                break
            table.say(found[0])
    print(
        f"six-party table hint: median {statistics.median(hints) * 1000:.0f} ms, "
        f"worst {max(hints) * 1000:.0f} ms over {len(hints)} hints (5 seeds, following the hint)"
    )


if __name__ == "__main__":
    main()
