"""A baseline lets a repository of old documents adopt the check: recorded findings are left
out, new ones still fail, and moving text by some lines does not make old findings new."""

from __future__ import annotations

import json
from pathlib import Path

from .test_config import DOCUMENT, document


def test_update_then_check_reports_only_new_findings(run, tmp_path: Path) -> None:
    old = document(tmp_path / "vorlagen")
    baseline = tmp_path / "vorlage-baseline.json"

    recorded = run("check", "--baseline", baseline, "--update-baseline", old)
    assert recorded.exit_code == 0
    assert recorded.stdout == ""
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert {(e["document"], e["code"]) for e in entries} >= {("vorlagen/bv.txt", "BF003")}
    # List positions are dropped from the field: a row added above does not make it new.
    assert {"code": "BF003", "field": "beratungsfolge[].termin"}.items() <= next(
        e for e in entries if e["code"] == "BF003"
    ).items()

    clean = run("check", "--baseline", baseline, "--format", "jsonl", old)
    assert clean.exit_code == 0
    assert json.loads(clean.stdout)["findings"] == []
    assert "bekannte Befunde" in clean.stderr

    # Three lines more at the top move every finding; the baseline still knows them.
    old.write_text("Stadt Beispielstadt\nDer Bürgermeister\n\n" + DOCUMENT, encoding="utf-8")
    assert run("check", "--baseline", baseline, old).exit_code == 0

    # A new mistake in the same document, and the same old mistake in a new document, fail.
    old.write_text(DOCUMENT.replace("12.02.2025", "31.02.2025"), encoding="utf-8")
    new = document(tmp_path / "neu")
    result = run("check", "--baseline", baseline, "--format", "jsonl", old, new)
    assert result.exit_code == 1
    changed, added = (json.loads(line) for line in result.stdout.splitlines())
    assert [f["code"] for f in changed["findings"]] == ["BF002"]
    assert "BF003" in {f["code"] for f in added["findings"]}


def test_the_baseline_file_must_exist_unless_written(run, tmp_path: Path) -> None:
    result = run("check", "--baseline", tmp_path / "fehlt.json", document(tmp_path))
    assert result.exit_code == 2
    assert "fehlt.json: Baseline nicht gefunden" in result.stderr


def test_update_baseline_needs_a_file(run, tmp_path: Path) -> None:
    result = run("check", "--update-baseline", document(tmp_path))
    assert result.exit_code == 2
    assert "--update-baseline braucht --baseline" in result.stderr


def test_a_damaged_baseline_is_a_one_line_error(run, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": [{"code": "BF003"}]}', encoding="utf-8")
    result = run("check", "--baseline", baseline, document(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"vorlage: {baseline}: Eintrag ohne document, code oder message"


def test_a_baseline_that_is_no_json_is_told_in_german(run, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1,\n  findings: []}', encoding="utf-8")
    result = run("check", "--baseline", baseline, document(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"vorlage: {baseline}: keine lesbare Baseline (kein gültiges JSON in Zeile 2, Spalte 3)\n"
    )
