"""How often the rules fire on published Vorlagen, which are nearly all correct.

    .venv/bin/python benchmarks/precision.py [--examples N] [--jobs N] [--profile]

Runs the rules with no configuration over every text of the bulk corpora in
``../shared/corpus/bulk/*/texts`` (real Vorlagen of a city, as published) and prints, per city
and per code, the share of documents with an error, a warning and a hint, then the totals
against the targets (at most 3 % of documents with an error, at most 15 % with a warning).
Almost every finding here is a false alarm, so each percentage is a measure of distrust.
``--examples N`` lists N messages per code to read against their documents.

``--profile`` measures a learned profile instead: per city, a profile is learned (as ``vorlage
init`` learns it) from every other text and the remaining half is checked with it, so that what
the profile adds to the default rules shows as false alarms on the city's own, correct Vorlagen.

Skips with a message (exit code 0) where ``../shared`` is absent: a user's clone has no bulk
corpora.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from vorlage_cli.config import Config, parse_config
from vorlage_cli.model import DocumentResult
from vorlage_cli.pipeline import process
from vorlage_cli.profile import learn, to_table
from vorlage_cli.runner import default_jobs, process_all

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
TARGETS = {"error": 3.0, "warning": 15.0}
SEVERITIES = ("error", "warning", "info")
WORDS = {"error": "an error", "warning": "a warning", "info": "a hint"}


@dataclass(slots=True)
class Tally:
    """Documents with findings, counted once per document and code."""

    documents: int = 0
    with_severity: Counter[str] = field(default_factory=Counter)
    by_code: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, result: DocumentResult, keep: int) -> None:
        self.documents += 1
        severities = {finding.severity for finding in result.findings}
        self.with_severity.update(severities)
        self.by_code.update({(f.code, f.severity) for f in result.findings})
        for finding in result.findings:
            shown = self.examples[finding.code]
            if len(shown) < keep:
                shown.append(f"{Path(result.source.path).name}: {finding.message}")

    def merge(self, other: Tally) -> None:
        self.documents += other.documents
        self.with_severity.update(other.with_severity)
        self.by_code.update(other.by_code)

    def share(self, count: int) -> str:
        return f"{100 * count / self.documents:.1f} %" if self.documents else "–"


def texts_of(city: Path) -> list[Path]:
    return sorted(path for path in (city / "texts").iterdir() if path.is_file())


def tally(paths: Sequence[Path], config: Config, *, jobs: int, keep: int) -> Tally:
    found = Tally()
    for result in process_all(paths, jobs=jobs, timeout=60, task=partial(process, config=config)):
        found.add(result, keep)
    return found


def learned_config(paths: Sequence[Path], *, jobs: int) -> Config:
    """The default configuration with a profile learned from ``paths``, as ``vorlage init``
    writes it."""
    vorlagen = [
        result.vorlage
        for result in process_all(
            paths, jobs=jobs, timeout=60, task=partial(process, config=Config())
        )
        if result.vorlage is not None
    ]
    profile = learn(vorlagen, Config().lexicon)
    return parse_config({"profile": to_table(profile)}, ROOT / ".vorlage.toml")


def print_city(name: str, found: Tally) -> None:
    print(f"\n## {name} ({found.documents} documents)\n")
    print("| code | severity | documents | share |")
    print("|---|---|---:|---:|")
    for (code, severity), count in sorted(found.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| {code} | {severity} | {count} | {found.share(count)} |")
    print()
    print_shares(found)
    for code, shown in sorted(found.examples.items()):
        for line in shown:
            print(f"  {code} {line}")


def print_shares(found: Tally) -> None:
    for severity in SEVERITIES:
        count = found.with_severity[severity]
        target = TARGETS.get(severity)
        verdict = ""
        if target is not None:
            met = 100 * count / max(found.documents, 1) <= target
            verdict = f" (target ≤ {target:g} %: {'met' if met else 'MISSED'})"
        print(
            f"- with {WORDS[severity]}: {count} of {found.documents}, {found.share(count)}{verdict}"
        )


def print_totals(overall: Tally) -> None:
    print(f"\n## All cities ({overall.documents} documents)\n")
    print_shares(overall)


def cities(bulk: Path) -> Iterable[Path]:
    return sorted(path for path in bulk.iterdir() if (path / "texts").is_dir())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bulk", type=Path, default=BULK, help="folder of city corpora")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--examples", type=int, default=0, help="messages listed per code")
    parser.add_argument(
        "--profile", action="store_true", help="learn on one half of each city, check the other"
    )
    args = parser.parse_args(argv)
    if not args.bulk.is_dir():
        print(f"precision: {args.bulk} is not present; nothing to measure", file=sys.stderr)
        return 0
    overall = Tally()
    for city in cities(args.bulk):
        texts, config, name = texts_of(city), Config(), city.name
        if args.profile:
            learned_from, texts = texts[0::2], texts[1::2]
            config = learned_config(learned_from, jobs=args.jobs)
            name = f"{city.name}, checked with a profile learned from the other half"
        found = tally(texts, config, jobs=args.jobs, keep=args.examples)
        print_city(name, found)
        overall.merge(found)
    print_totals(overall)
    return 0


if __name__ == "__main__":
    sys.exit(main())
