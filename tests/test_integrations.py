"""The integrations as their users meet them: the pre-commit hook in a real repository, and the
CI examples in docs/ with the exact vorlage commands they contain."""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml

from .conftest import FIXTURES, ROOT
from .documents import DECISION_TOO_EARLY
from .test_cli import SEED_LIKE

EXAMPLES = ROOT / "docs" / "examples"
WRONG_ORDER = DECISION_TOO_EARLY.replace("\t2/2025\t", "\t3/2025\t")
"""The Vorlage with the decision before the advice, for another session of the Rat than the
clean one's: were both for Einladung 2/2025, their two dates for it would be a finding across
the documents (REP004) on the clean one too."""


def _git(repository: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=repository,
        check=True,
        capture_output=True,
    )


def _package_index_reachable(folder: Path) -> bool:
    """pre-commit builds the hook's environment with pip: without a package index (or its local
    mirror) it cannot, and the test has nothing to say."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            "-d",
            str(folder),
            "hatchling",
        ],
        capture_output=True,
        timeout=120,
    )
    return result.returncode == 0


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    home = tmp_path_factory.mktemp("pre-commit-home")
    if not _package_index_reachable(home / "probe"):
        pytest.skip("no package index reachable: pre-commit cannot install the hook")
    return home


def _try_repo(repository: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "vorlage", "--all-files"],
        cwd=repository,
        env={**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_pre_commit_hook_fails_a_commit_with_an_error(tmp_path: Path, pre_commit_home) -> None:
    repository = tmp_path / "akten"
    (repository / "vorlagen").mkdir(parents=True)
    _git(repository, "init", "-q")
    (repository / "vorlagen" / "bv-7.txt").write_text(SEED_LIKE, encoding="utf-8")
    (repository / "vorlagen" / "bv-8.txt").write_text(WRONG_ORDER, encoding="utf-8")
    (repository / "README.md").write_text("not a Vorlage\n", encoding="utf-8")
    _git(repository, "add", ".")

    failing = _try_repo(repository, pre_commit_home)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "vorlage" in failing.stdout and "Failed" in failing.stdout
    assert "vorlagen/bv-8.txt" in failing.stdout and "BF003" in failing.stdout
    assert "bv-7.txt" not in failing.stdout, "--quiet: clean documents are not listed"
    assert "README.md" not in failing.stdout
    # A second try-repo would build the hook's environment again (each run commits a new
    # shadow revision); that clean documents exit 0 is tested without pre-commit.


def _commands(steps: list[str]) -> list[str]:
    return [line for step in steps for line in step.splitlines() if line.startswith("vorlage ")]


def _run(command: str, folder: Path) -> int:
    """Run one line as the CI shell would, with this installation's vorlage first on PATH."""
    bin_folder = str(Path(sys.executable).parent)
    environment = {**os.environ, "PATH": bin_folder + os.pathsep + os.environ["PATH"]}
    return subprocess.run(
        ["bash", "-c", command], cwd=folder, env=environment, timeout=120
    ).returncode


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A checkout with one clean Vorlage and one with an error, as the examples expect them."""
    (tmp_path / "vorlagen").mkdir()
    (tmp_path / "vorlagen" / "bv-7.txt").write_text(SEED_LIKE, encoding="utf-8")
    (tmp_path / "vorlagen" / "bv-8.txt").write_text(WRONG_ORDER, encoding="utf-8")
    return tmp_path


def _redirect_target(command: str) -> str:
    words = shlex.split(command)
    return words[words.index(">") + 1]


def test_github_workflow_example_produces_the_sarif_it_uploads(repository: Path) -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    (command,) = _commands([step["run"] for step in steps if "run" in step])
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action")]
    assert workflow["permissions"]["security-events"] == "write"
    assert upload["with"]["sarif_file"] == _redirect_target(command)

    assert _run(command, repository) == 1, "bv-8.txt has an error, so the step fails"
    log = json.loads((repository / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "vorlagen/bv-8.txt"
    assert location["region"]["startLine"] == 8


def test_gitlab_example_produces_the_reports_it_declares(repository: Path) -> None:
    pipeline = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = pipeline["vorlage"]
    commands = _commands(job["script"])
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    assert sorted(_redirect_target(command) for command in commands) == sorted(
        [reports["codequality"], reports["junit"]]
    )

    assert [_run(command, repository) for command in commands] == [0, 1]
    issues = json.loads((repository / reports["codequality"]).read_text(encoding="utf-8"))
    assert [(issue["check_name"], issue["location"]["path"]) for issue in issues] == [
        ("BF003", "vorlagen/bv-8.txt")
    ]
    junit = ElementTree.parse(repository / reports["junit"]).getroot()
    assert [suite.get("failures") for suite in junit.iter("testsuite")] == ["0", "1"]
