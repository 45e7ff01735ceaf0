"""Shared fixtures: the CLI runner and the shared corpus (skipped where it is absent)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from vorlage_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"
GATHERED = ROOT / "tests" / "corpus"
"""Real documents gathered from other public repositories: listed in manifest.json, downloaded
into fetched/ by scripts/fetch_corpus.py, never committed."""
SNAPSHOTS = ROOT / "tests" / "snapshots"
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="Write the snapshots that differ; read every changed one before committing it.",
    )


_FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=40, derandomize=True, database=None, **_FUZZ)
"""Fast and the same on every run: the fuzz tests' share of the suite is a few seconds."""
settings.register_profile("long", max_examples=20_000, **_FUZZ)
"""For a fuzzing session: ``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py``."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


@pytest.fixture
def run_with_input() -> Callable[..., object]:
    """``run_with_input(data, "check", "-")``: the CLI with ``data`` on standard input."""
    runner = CliRunner()

    def invoke(data: bytes, *args: str | Path) -> object:
        return runner.invoke(app, [str(arg) for arg in args], input=data, catch_exceptions=False)

    return invoke


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``snapshot("name.ext", text)`` compares text with tests/snapshots/name.ext. A snapshot is
    only written with --update-snapshots, and it is a claim about the output: read it."""
    update = request.config.getoption("--update-snapshots")

    def compare(name: str, text: str) -> None:
        path = SNAPSHOTS / name
        if update and (not path.exists() or path.read_text(encoding="utf-8") != text):
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
        if not path.exists():
            pytest.fail(f"no snapshot {name}: run pytest --update-snapshots and read it")
        assert text == path.read_text(encoding="utf-8"), f"output differs from snapshot {name}"

    return compare
