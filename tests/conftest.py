"""Shared fixtures: the CLI runner and the shared corpus (skipped where it is absent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vorlage_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared real documents; tests that need them skip cleanly in a user's clone."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def run() -> Callable[..., object]:
    """Run the CLI in-process: ``run("check", "file.txt")`` returns click's Result with
    ``exit_code``, ``stdout`` and ``stderr`` kept apart."""
    runner = CliRunner()

    def invoke(*args: str | Path) -> object:
        return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)

    return invoke
