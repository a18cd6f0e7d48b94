"""Shared fixtures: the bundled example story and the optional benchmark data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kerry-lavrov-2014"
EVAL_DATA = Path(os.environ.get("NEWSBRIEF_EVAL_DATA", ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"))


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def eval_data() -> Path:
    """The Multi-News validation sample; never committed, so skip clearly when absent."""
    if not EVAL_DATA.exists():
        pytest.skip(f"benchmark data not found at {EVAL_DATA} (set NEWSBRIEF_EVAL_DATA to its path)")
    return EVAL_DATA
