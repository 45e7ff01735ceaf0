"""Benchmark ``vorlage export`` against the fast baselines and print the results as Markdown.

    pip install -e '.[bench]' && python benchmarks/run.py

Builds a corpus of Vorlagen from the sample families (or takes ``--documents DIR``), then
measures, each as a whole process from outside:

* throughput: ``vorlage export --jobs 1`` and ``--jobs 2`` per format, beside
  ``pdftotext -layout`` (poppler, the C floor; one process per file, as it is used) and a plain
  pdfplumber ``extract_text`` loop (the naive approach) over the same PDFs;
* start-up: ``vorlage --version`` and ``vorlage check`` of one short text file, beside the
  cost of the command-line framework and the libraries on their own;
* cost per page for documents of 1, 10, 100 and 500 pages (each row reads about 500 pages, so
  that one process start weighs the same in every row);
* peak memory over 100 and over 2,000 documents.

Times are medians of ``--runs`` runs taken in turns; the tables go to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import importlib.util
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import corpus
import measure

HERE = Path(__file__).resolve().parent
SCALING_PAGES = (1, 10, 100, 500)
SCALING_TOTAL_PAGES = 500
MEMORY_COUNTS = (100, 2000)
SHORT_TEXT = corpus.ROOT / "samples" / "gremienweg" / "bv-2025-044.txt"
FORMATS = {"pdf": "PDF", "docx": "DOCX", "txt": "text", "html": "HTML"}
SECTIONS = ("throughput", "startup", "scaling", "memory")
MAX_ARGUMENTS = 1_000_000
"""Bytes of file names passed to one command: well under Linux's limit for a command line."""


@dataclass(frozen=True, slots=True)
class FileSet:
    """Files of one format with their page count (None where the format has no pages)."""

    files: list[Path]
    pages: int | None

    def first(self) -> FileSet:
        return FileSet(self.files[:1], None)


@dataclass(frozen=True, slots=True)
class Tools:
    """The commands under test and which of them this machine has."""

    vorlage: list[str]
    has_jobs: bool
    pdftotext: str | None
    has_pdfplumber: bool

    def export(self, files: Sequence[Path], jobs: int) -> list[str]:
        jobs_option = ["--jobs", str(jobs)] if self.has_jobs else []
        return [*self.vorlage, "export", *jobs_option, *map(str, files)]

    def pdftotext_loop(self, list_file: Path) -> list[str]:
        """One ``pdftotext -layout`` process per file, started by xargs (as a shell loop would)."""
        assert self.pdftotext is not None
        xargs = ["xargs", "-0", "-a", str(list_file), "-I{}"]
        return [*xargs, self.pdftotext, "-layout", "-q", "{}", "-"]

    def pdfplumber_loop(self, files: Sequence[Path]) -> list[str]:
        return [sys.executable, str(HERE / "pdfplumber_loop.py"), *map(str, files)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--documents",
        type=Path,
        help="measure the files in this folder (.pdf, .docx, .txt, .html) instead of a "
        "generated corpus; the scaling section then needs the generated corpus and is skipped",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="build the generated corpus here and keep it (reused when it is already there); "
        "default: a temporary folder, removed at the end",
    )
    parser.add_argument(
        "--count", type=int, default=200, help="generated documents of 1 to 40 pages (200)"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per command; medians (3)")
    parser.add_argument(
        "--only", choices=SECTIONS, action="append", help="run only this section (repeatable)"
    )
    args = parser.parse_args(argv)
    sections = args.only or list(SECTIONS)
    if args.documents is not None and not args.documents.is_dir():
        parser.error(f"--documents {args.documents}: not a folder")
    if args.count < 2 or args.runs < 1:
        parser.error("--count must be at least 2 and --runs at least 1")

    compile_package()
    tools = find_tools()
    print_setup(tools, args)
    with workspace(args.corpus) as folder:
        if args.documents is not None:
            sets = folder_sets(args.documents)
            scaling_docs: dict[int, corpus.Document] = {}
        else:
            documents = corpus.build(
                folder,
                corpus.plan(args.count, SCALING_PAGES),
                exact=[scaling_stem(pages) for pages in SCALING_PAGES],
                log=progress,
            )
            mixed = [d for d in documents if d.stem.startswith("m")]
            sets = generated_sets(folder, mixed)
            scaling_docs = {
                pages: next(d for d in documents if d.stem == scaling_stem(pages))
                for pages in SCALING_PAGES
            }
        if "throughput" in sections:
            throughput(tools, sets, folder, args.runs)
        if "startup" in sections:
            startup(tools, max(10, args.runs))
        if "scaling" in sections:
            if scaling_docs:
                scaling(tools, scaling_docs, folder, args.runs)
            else:
                print("\nScaling: skipped (it needs the generated corpus, not --documents).")
        if "memory" in sections and "pdf" in sets:
            memory(tools, sets["pdf"], folder)
    return 0


def scaling_stem(pages: int) -> str:
    return f"s{pages:04d}_bv-2025-044"


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def find_tools() -> Tools:
    """``vorlage`` as installed beside this Python (the console script users run), and the
    baselines where present."""
    script = Path(sys.executable).parent / "vorlage"
    vorlage = [str(script)] if script.exists() else [sys.executable, "-m", "vorlage_cli"]
    helped = subprocess.run([*vorlage, "export", "--help"], capture_output=True, text=True)
    if helped.returncode != 0:
        sys.exit(f"benchmark: vorlage does not run here: {helped.stderr.strip()}")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        progress(
            "benchmark: pdftotext not found (Debian: apt install poppler-utils); "
            "its column is skipped"
        )
    has_pdfplumber = importlib.util.find_spec("pdfplumber") is not None
    if not has_pdfplumber:
        progress(
            "benchmark: pdfplumber is not installed (pip install -e '.[bench]'); "
            "its column is skipped"
        )
    return Tools(vorlage, "--jobs" in helped.stdout, pdftotext, has_pdfplumber)


def print_setup(tools: Tools, args: argparse.Namespace) -> None:
    version = subprocess.run([*tools.vorlage, "--version"], capture_output=True, text=True)
    print("# vorlage benchmark\n")
    print(f"Command: `python benchmarks/run.py{''.join(' ' + a for a in sys.argv[1:])}`  ")
    system = f"{platform.system()} {platform.release()}"
    print(f"Machine: {cpu_model()}, {os.cpu_count()} cores, {system}  ")
    print(f"Versions: {version.stdout.strip()}, Python {platform.python_version()}", end="")
    if tools.pdftotext:
        poppler = subprocess.run([tools.pdftotext, "-v"], capture_output=True, text=True)
        print(f", {(poppler.stderr or poppler.stdout).splitlines()[0]}", end="")
    if tools.has_pdfplumber:
        print(f", pdfplumber {importlib.metadata.version('pdfplumber')}", end="")
    for library in ("typer", "rich", "pydantic"):
        print(f", {library} {importlib.metadata.version(library)}", end="")
    print(f"  \nRuns: median of {args.runs} per command, taken in turns; peak RSS is the largest")
    print("single process of a run (the largest over the runs); a command of almost no memory")
    print(f"shows {mb(measure.floor())}, the size of the process that starts the commands.")
    if not tools.has_jobs:
        print("\nThis vorlage has no --jobs option: every row runs one process.")


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


@contextlib.contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    """The corpus folder: the given one (kept), or a temporary one removed at the end."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="vorlage-bench-") as tmp:
        yield Path(tmp)


def generated_sets(folder: Path, documents: list[corpus.Document]) -> dict[str, FileSet]:
    """One set per format over the same documents; pages are those of the PDF renditions."""
    sets = {}
    for extension in ("pdf", "docx", "txt"):
        chosen = [d for d in documents if extension in d.formats]
        sets[extension] = FileSet(
            [d.path(folder, extension) for d in chosen], sum(d.pages for d in chosen)
        )
    return sets


def folder_sets(folder: Path) -> dict[str, FileSet]:
    """The files of any folder by format; only PDFs have a page count to divide by."""
    sets = {}
    for extension in FORMATS:
        files = sorted(folder.rglob(f"*.{extension}"))
        if files:
            pages = sum(map(corpus.pdf_pages, files)) if extension == "pdf" else None
            sets[extension] = FileSet(files, pages)
    if not sets:
        sys.exit(f"benchmark: no .pdf, .docx, .txt or .html files in {folder}")
    longest = max(sum(len(str(path)) + 1 for path in files.files) for files in sets.values())
    if longest > MAX_ARGUMENTS:
        sys.exit(
            f"benchmark: the files of {folder} do not fit on one command line "
            f"({longest} bytes); measure a smaller folder"
        )
    return sets


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def throughput(tools: Tools, sets: dict[str, FileSet], folder: Path, runs: int) -> None:
    """Documents per second per format and command, with the PDF baselines beside."""
    print("\n## Throughput\n")
    rows: list[tuple[str, str, FileSet, measure.Series]] = []
    for extension, files in sets.items():
        commands, warmups = {}, {}
        for jobs in (1, 2) if tools.has_jobs else (1,):
            label = f"vorlage export --jobs {jobs}" if tools.has_jobs else "vorlage export"
            commands[label] = tools.export(files.files, jobs)
            warmups[label] = tools.export(files.first().files, jobs)
        if extension == "pdf":
            list_file = folder / "pdf-list"
            list_file.write_bytes(b"\0".join(str(p).encode() for p in files.files))
            first_file = folder / "pdf-first"
            first_file.write_bytes(str(files.files[0]).encode())
            if tools.pdftotext:
                commands["pdftotext -layout"] = tools.pdftotext_loop(list_file)
                warmups["pdftotext -layout"] = tools.pdftotext_loop(first_file)
            if tools.has_pdfplumber:
                commands["pdfplumber extract_text"] = tools.pdfplumber_loop(files.files)
                warmups["pdfplumber extract_text"] = tools.pdfplumber_loop(files.first().files)
        progress(f"throughput: {len(files.files)} {FORMATS[extension]} files, {runs} runs …")
        results = measure.measure(commands, runs, warmups=warmups)
        for label, series in results.items():
            check_exits(label, series)
            rows.append((extension, label, files, series))
    pdf = {label: series for extension, label, _, series in rows if extension == "pdf"}
    floor = pdf.get("pdftotext -layout")
    naive = pdf.get("pdfplumber extract_text")
    print(
        "| format | command | documents | pages | documents/s | pages/s | ms/page | CPU s | "
        "peak RSS | time ÷ pdftotext | pdfplumber ÷ time |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for extension, label, files, series in rows:
        count, wall = len(files.files), series.wall
        pages = files.pages
        ratio_floor = f"{wall / floor.wall:.2f}×" if extension == "pdf" and floor else ""
        ratio_naive = f"{naive.wall / wall:.1f}×" if extension == "pdf" and naive else ""
        print(
            f"| {FORMATS[extension]} | `{label}` | {count} | {pages or '–'} | {count / wall:.1f} "
            f"| {f'{pages / wall:.0f}' if pages else '–'} "
            f"| {f'{1000 * wall / pages:.2f}' if pages else '–'} | {series.cpu:.1f} "
            f"| {mb(series.peak_rss)} "
            f"| {ratio_floor} | {ratio_naive} |"
        )
    print("\nCPU s counts every process of a run. `--jobs 2` can take half the wall time of")
    print("`--jobs 1` only while no other work on the machine holds the second core.")
    if any(extension != "pdf" and files.pages for extension, files in sets.items()):
        print("\nPages of DOCX and text are those of the same document's PDF rendition.")
    headline(pdf, sets.get("pdf"))


def headline(pdf: dict[str, measure.Series], files: FileSet | None) -> None:
    """The ratios the targets are stated in."""
    if files is None:
        return
    single = pdf.get("vorlage export --jobs 1") or pdf.get("vorlage export")
    floor = pdf.get("pdftotext -layout")
    naive = pdf.get("pdfplumber extract_text")
    double = pdf.get("vorlage export --jobs 2")
    print()
    if single and floor:
        print(
            f"- PDF, one process: **{single.wall / floor.wall:.2f}×** the time of "
            "`pdftotext -layout` (target: at most 2×)"
        )
    if single and naive:
        print(
            f"- PDF, one process: **{naive.wall / single.wall:.1f}×** faster than the pdfplumber "
            "loop (target: at least 5×)"
        )
    if single and double:
        print(
            f"- `--jobs 2`: **{single.wall / double.wall:.2f}×** faster than `--jobs 1` on "
            f"{len(files.files)} PDFs (target: at least 1.7×)"
        )


STARTUP_TARGETS = {"version": 0.060, "check": 0.200}
"""Seconds of wall time: what a pre-commit hook may cost before it does any work."""
TYPER_FLOOR = """\
import sys
from pathlib import Path
import typer
app = typer.Typer(add_completion=False)
@app.command()
def check(paths: list[Path]) -> None:
    pass
@app.command()
def other() -> None:
    pass
sys.argv = ["floor", "check", "one.txt"]
app()
"""
"""The least a typer command costs: one command, one path argument (typer checks it with
pydantic), nothing of vorlage."""


def startup(tools: Tools, runs: int) -> None:
    """What a pre-commit hook pays before any work: process start and imports, beside what the
    command-line framework and the libraries cost on their own, so that the table shows where
    the time goes."""
    print("\n## Start-up\n")
    progress(f"start-up: {runs} runs …")
    check_label = f"vorlage check {SHORT_TEXT.relative_to(corpus.ROOT)}"
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python: import typer": [sys.executable, "-c", "import typer"],
        "python: a typer command with one path argument": [sys.executable, "-c", TYPER_FLOOR],
        "python: from pydantic import BaseModel": [
            sys.executable,
            "-c",
            "from pydantic import BaseModel",
        ],
        "python: import rich.console, rich.table": [
            sys.executable,
            "-c",
            "import rich.console, rich.table",
        ],
        "vorlage --version": [*tools.vorlage, "--version"],
        check_label: [*tools.vorlage, "check", str(SHORT_TEXT)],
    }
    results = measure.measure(commands, runs, warmups=commands)
    print("| command | wall ms | CPU ms | peak RSS |")
    print("|---|---:|---:|---:|")
    for label, series in results.items():
        check_exits(label, series, allowed=(0, 1))
        wall, cpu = 1000 * series.wall, 1000 * series.cpu
        shown = label if label.startswith("python:") else f"`{label}`"
        print(f"| {shown} | {wall:.0f} | {cpu:.0f} | {mb(series.peak_rss)} |")
    version, check = results["vorlage --version"].wall, results[check_label].wall
    floor = results["python: a typer command with one path argument"].wall
    print(
        f"\n- `vorlage --version`: **{1000 * version:.0f} ms** "
        f"(target: at most {1000 * STARTUP_TARGETS['version']:.0f} ms, "
        f"{'met' if version <= STARTUP_TARGETS['version'] else 'missed'})"
    )
    print(
        f"- `vorlage check` of a short text: **{1000 * check:.0f} ms** "
        f"(target: at most {1000 * STARTUP_TARGETS['check']:.0f} ms, "
        f"{'met' if check <= STARTUP_TARGETS['check'] else 'missed'}); a typer command that does "
        f"nothing takes {1000 * floor:.0f} ms of it ({100 * floor / check:.0f} %)"
    )


def compile_package() -> None:
    """Write the package's bytecode, as ``pip install`` does, before any section: an editable
    install on a machine with PYTHONDONTWRITEBYTECODE set would otherwise compile vorlage from
    source in every process, the main process and the workers' fork server alike (about half a
    second each), which no installed copy pays."""
    import compileall

    spec = importlib.util.find_spec("vorlage_cli")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def scaling(
    tools: Tools,
    documents: dict[int, corpus.Document],
    folder: Path,
    runs: int,
) -> None:
    """ms/page for long and short documents: each row reads copies of one document, about
    500 pages in all, in one process."""
    print("\n## Cost per page by document length (PDF)\n")
    print(
        "| pages per document | documents | vorlage ms/page | pdftotext ms/page | "
        "vorlage peak RSS |"
    )
    print("|---:|---:|---:|---:|---:|")
    for target, document in documents.items():
        copies = math.ceil(SCALING_TOTAL_PAGES / document.pages)
        source = document.path(folder, "pdf")
        files = linked_copies([source], copies, folder / "runs" / f"scaling-{target}")
        commands = {"vorlage": tools.export(files, 1)}
        if tools.pdftotext:
            list_file = folder / "runs" / f"scaling-{target}.list"
            list_file.write_bytes(b"\0".join(str(p).encode() for p in files))
            commands["pdftotext"] = tools.pdftotext_loop(list_file)
        progress(f"scaling: {copies} × {document.pages} pages, {runs} runs …")
        results = measure.measure(commands, runs, warmups={"vorlage": tools.export([source], 1)})
        pages = copies * document.pages
        for label, series in results.items():
            check_exits(label, series)
        floor = results.get("pdftotext")
        print(
            f"| {document.pages} | {copies} | {1000 * results['vorlage'].wall / pages:.2f} "
            f"| {f'{1000 * floor.wall / pages:.2f}' if floor else '–'} "
            f"| {mb(results['vorlage'].peak_rss)} |"
        )
        shutil.rmtree(folder / "runs")
    print("\nTarget: peak RSS under 250 MB for the 500-page PDF; ms/page about constant.")


def memory(tools: Tools, pdfs: FileSet, folder: Path) -> None:
    """Peak memory must not grow with the number of documents: the same documents, cycled. The
    main process (which holds the list of inputs) and the worker processes are shown apart."""
    print("\n## Memory by number of documents (PDF, one run each)\n")
    base = pdfs.files[: MEMORY_COUNTS[0]]
    jobs = (1, 2) if tools.has_jobs else (1,)
    print(
        "| documents | "
        + " | ".join(f"--jobs {j}: largest process | main process" for j in jobs)
        + " | wall s --jobs 1 |"
    )
    print("|---:|" + "---:|---:|" * len(jobs) + "---:|")
    peaks: dict[int, list[int]] = {}
    for count in MEMORY_COUNTS:
        files = linked_copies(base, math.ceil(count / len(base)), folder / "runs" / "memory")
        files = files[:count]
        progress(f"memory: {count} documents …")
        results = measure.measure({j: tools.export(files, j) for j in jobs}, 1)
        peaks[count] = [results[j].peak_rss for j in jobs]
        for j in jobs:
            check_exits(f"export --jobs {j}", results[j])
        cells = " | ".join(
            f"{mb(results[j].peak_rss)} | {mb(results[j].command_rss)}" for j in jobs
        )
        print(f"| {count} | {cells} | {results[jobs[0]].wall:.1f} |")
        shutil.rmtree(folder / "runs")
    low, high = MEMORY_COUNTS
    growth = ", ".join(
        f"--jobs {j}: {100 * (peaks[high][i] / peaks[low][i] - 1):+.1f} %"
        for i, j in enumerate(jobs)
    )
    print(f"\nLargest process at {high} documents against {low}: {growth}")
    print("(target: within 10 %).")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def linked_copies(files: Sequence[Path], times: int, folder: Path) -> list[Path]:
    """``times`` copies of each file under new names (hard links where the file system allows):
    the same bytes, read as separate documents."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for round_ in range(times):
        for path in files:
            target = folder / f"c{round_:04d}_{path.name}"
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
            copies.append(target)
    return copies


def check_exits(label: str, series: measure.Series, allowed: tuple[int, ...] = (0,)) -> None:
    """Say so when a command failed: a fast failure is no result. ``vorlage export`` exits 2
    when a document could not be read, which a folder of real files may well hold."""
    allowed = (0, 2) if label.startswith("vorlage export") else allowed
    for run in series.runs:
        if run.exit_code not in allowed:
            tail = run.stderr.strip().splitlines()[-3:]
            progress(f"benchmark: {label} exited with {run.exit_code}: " + " / ".join(tail))
            break


def mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB"


if __name__ == "__main__":
    sys.exit(main())
