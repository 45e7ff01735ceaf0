"""The benchmark's own logic, without timing anything: the corpus plan, the growing of a sample,
and the accounting of a process tree. (Speed itself is measured by benchmarks/run.py.)"""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"


@pytest.fixture(scope="module")
def corpus():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import corpus

        yield corpus
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def measure():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import measure

        yield measure
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_page_counts_span_one_to_forty_pages_and_repeat(corpus) -> None:
    pages = corpus.mixed_page_counts(200)
    assert len(pages) == 200
    assert min(pages) == 1
    assert max(pages) == 40
    assert sorted(pages)[100] <= 6  # most Vorlagen are short
    assert corpus.mixed_page_counts(200) == pages


def test_plan_cycles_through_every_sample_source(corpus) -> None:
    documents = corpus.plan(20, [1, 500])
    sources = {path.stem for path in (ROOT / "samples" / "src").glob("*.toml")}
    assert {d.source for d in documents[:-2]} == sources
    assert [(d.source, d.target_pages) for d in documents[-2:]] == [
        ("bv-2025-044", 1),
        ("bv-2025-044", 500),
    ]
    assert len({d.stem for d in documents}) == len(documents)


def test_a_grown_sample_repeats_its_reasoning_under_numbered_parts(corpus) -> None:
    build_samples = corpus.builder()
    sample = build_samples.Sample.load(ROOT / "samples" / "src" / "bv-2025-044.toml")
    reasoning = next(s for s in sample.abschnitte if s.get("titel") == "Begründung:")
    own = set(corpus._prose(reasoning["text"]))
    grown = corpus.grow(sample, 12, 2, corpus.random.Random(1))
    text = next(s for s in grown.abschnitte if s.get("titel") == "Begründung:")["text"]
    paragraphs = [p for p in text.strip().split("\n\n") if p]
    added = paragraphs[len(corpus._prose(reasoning["text"])) :]
    assert added[0] == "## Teil 1"
    assert all(p in own or p.startswith("## Teil ") for p in added)
    prose = sum(len(p) for p in added if not p.startswith("## "))
    assert prose >= 10 * corpus.CHARACTERS_PER_PAGE
    assert reasoning["text"] != text, "the source sample must stay as it was"


def test_a_one_page_sample_keeps_the_first_paragraphs_and_three_stations(corpus) -> None:
    build_samples = corpus.builder()
    sample = build_samples.Sample.load(ROOT / "samples" / "src" / "vo-2025-0123.toml")
    cut = corpus.grow(sample, 1, 3, corpus.random.Random(1))
    assert [b["gremium"] for b in cut.beratung] == [
        "Gemeindevorstand",
        "Ortsbeirat Oberlinden",
        "Ortsbeirat Niederlinden",
    ]
    reasoning = next(s for s in cut.abschnitte if s.get("titel") == "Sachverhalt:")
    assert reasoning["text"].startswith("Im Ortsteil Hainbach besteht seit Jahren")
    assert "\n\n" not in reasoning["text"]
    proposal = next(s for s in cut.abschnitte if "punkte" in s)
    assert len(proposal["punkte"]) == 2


def test_the_peak_memory_of_a_grandchild_that_outlives_its_parent_is_counted(measure) -> None:
    """A forkserver's workers outlive the command; their memory must still be seen, and the
    command's exit code reported as it is."""
    grandchild = (
        "import subprocess, sys; "
        "subprocess.Popen([sys.executable, '-c', "
        "'import time; block = bytearray(120 * 2**20); time.sleep(0.3)']); sys.exit(3)"
    )
    run = measure.run([sys.executable, "-c", grandchild])
    assert run.exit_code == 3
    if sys.platform == "linux":
        assert run.peak_rss >= 120 * 2**20
        assert run.command_rss < 100 * 2**20, "the command itself holds no such block"


def test_the_benchmarks_own_size_does_not_count_for_the_commands_it_starts(measure) -> None:
    ballast = bytearray(200 * 2**20)
    ballast[:: 2**12] = b"x" * len(ballast[:: 2**12])  # touch every page: resident
    run = measure.run([sys.executable, "-c", "pass"])
    assert run.exit_code == 0
    assert run.peak_rss < 100 * 2**20


@pytest.fixture(scope="module")
def precision():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import precision

        yield precision
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_the_precision_benchmark_skips_without_the_bulk_corpora(precision, tmp_path, capsys):
    assert precision.main(["--bulk", str(tmp_path / "absent")]) == 0
    assert "nothing to measure" in capsys.readouterr().err
