"""The command line as a user meets it: exit codes, and stdout holding only the output."""

from __future__ import annotations

import json
from pathlib import Path

from vorlage_cli import __version__


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


SEED_LIKE = (
    "BESCHLUSSVORLAGE BV-7/2025\n\n"
    "ERSTELLT DURCH\tERSTELLT AM\tSITZUNGSTEIL\n"
    "Amt für Grünflächen\t03.02.2025\töffentlich\n\n"
    "GREMIUM\tSTATUS\tTERMIN\tEINLADUNG\tTOP\n"
    "Umweltausschuss\tvorberatend\t12.02.2025\t1/2025\t4\n"
    "Rat der Gemeinde Beispielstadt\tbeschließend\t27.02.2025\t2/2025\t9\n\n"
    "BEZEICHNUNG DES TAGESORDNUNGSPUNKTES\n\nNeupflanzung von Straßenbäumen\n\n"
    "FINANZIELLE AUSWIRKUNGEN\n\nKosten von 12.000 Euro, gedeckt im Produkt 13.01.\n\n"
    "BESCHLUSSVORSCHLAG\n\n1. Der Rat beschließt die Neupflanzung.\n\n"
    "SACHDARSTELLUNG\n\nDie Bäume sind abgängig.\n"
)


def test_version(run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"vorlage {__version__}"


def test_help_lists_commands(run) -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("check", "export", "schema", "evaluate"):
        assert command in result.stdout


def test_check_clean_document_exits_zero(run, tmp_path: Path) -> None:
    result = run("check", write(tmp_path / "bv.txt", SEED_LIKE))
    assert result.exit_code == 0, result.stdout
    assert "BV-7/2025" in result.stdout
    assert "Umweltausschuss" in result.stdout


def test_check_error_finding_exits_one(run, tmp_path: Path) -> None:
    broken = SEED_LIKE.replace("27.02.2025", "10.02.2025")
    result = run("check", write(tmp_path / "bv.txt", broken))
    assert result.exit_code == 1
    assert "BF003" in result.stdout


def test_unreadable_input_exits_two_after_processing_the_others(run, tmp_path: Path) -> None:
    good = write(tmp_path / "bv.txt", SEED_LIKE)
    result = run("check", tmp_path / "missing.pdf", good, "--format", "jsonl")
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [
        line["source"]["path"].endswith(name)
        for line, name in zip(lines, ("missing.pdf", "bv.txt"), strict=True)
    ] == [True, True]
    assert lines[0]["vorlage"] is None
    assert lines[0]["findings"][0]["code"] == "RD002"
    assert lines[1]["vorlage"]["nummer"] == "BV-7/2025"


def test_export_writes_json_lines_in_input_order(run, tmp_path: Path) -> None:
    first = write(tmp_path / "b.txt", SEED_LIKE)
    second = write(tmp_path / "a.txt", SEED_LIKE.replace("BV-7/2025", "BV-8/2025"))
    result = run("export", first, second)
    assert result.exit_code == 0
    numbers = [json.loads(line)["vorlage"]["nummer"] for line in result.stdout.splitlines()]
    assert numbers == ["BV-7/2025", "BV-8/2025"]


def test_export_to_file_refuses_to_overwrite(run, tmp_path: Path) -> None:
    source = write(tmp_path / "bv.txt", SEED_LIKE)
    target = write(tmp_path / "out.jsonl", "keep me\n")
    result = run("export", source, "-o", target)
    assert result.exit_code == 2
    assert target.read_text() == "keep me\n"
    assert run("export", source, "-o", target, "--force").exit_code == 0
    assert json.loads(target.read_text())["vorlage"]["nummer"] == "BV-7/2025"


def test_export_never_overwrites_an_input(run, tmp_path: Path) -> None:
    source = write(tmp_path / "bv.txt", SEED_LIKE)
    result = run("export", source, "-o", source, "--force")
    assert result.exit_code == 2
    assert source.read_text(encoding="utf-8") == SEED_LIKE


def test_schema_is_json_schema_of_the_contract(run) -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) == {"schema_version", "source", "vorlage", "findings", "valid"}
    vorlage = schema["$defs"]["Vorlage"]["properties"]
    assert "beratungsfolge" in vorlage and "weitere_abschnitte" in vorlage


def test_the_version_is_answered_without_the_command_line_framework() -> None:
    """`vorlage --version` is what scripts and hooks call most: it must not import typer,
    pydantic or rich (benchmarks/run.py measures the time)."""
    import subprocess
    import sys

    probe = (
        "import sys; from vorlage_cli.launch import main; sys.argv = ['vorlage', '--version']; "
        "main(); print(sorted({'typer', 'pydantic', 'rich'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [f"vorlage {__version__}", "[]"]


def test_one_document_starts_no_worker_process() -> None:
    """A single file is checked in the process itself: not even multiprocessing is loaded."""
    import subprocess
    import sys

    from .conftest import SAMPLES

    probe = (
        "import sys; from vorlage_cli.launch import main; "
        f"sys.argv = ['vorlage', 'check', {str(SAMPLES / 'gremienweg' / 'bv-2025-044.txt')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('multiprocessing' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stderr.splitlines()[-1] == "False"
