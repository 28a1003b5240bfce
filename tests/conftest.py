"""Shared fixtures: every test runs with its own data folder, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearse import Negotiation, load_persona
from rehearse.content.playbook import Playbook

ROOT = Path(__file__).resolve().parent.parent
PERSONAS = ROOT / "personas"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("REHEARSE_DATA_DIR", str(data))
    monkeypatch.delenv("REHEARSE_PERSONAS", raising=False)
    return data


@pytest.fixture(scope="session")
def dprk() -> Playbook:
    return load_persona("dprk")


@pytest.fixture
def neg(dprk: Playbook) -> Negotiation:
    return Negotiation(dprk, seed=0)
