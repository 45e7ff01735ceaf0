"""The benchmark corpus: the sample Vorlagen's template families at chosen lengths, as DOCX, PDF
and text.

The documents are the samples of ``samples/src/`` grown (or cut) to a page count: their own
prose paragraphs repeated in a seeded order under numbered sub-headings, so that every document
keeps its family's header, Beratungsfolge and sections and reads like a long Vorlage rather than
like filler. Rendering is ``scripts/build_samples.py``'s own (python-docx, then LibreOffice in one
batch; text in the sample's style), so the benchmark measures the layouts the tests know.
A page count is a target: LibreOffice decides the breaks, and the real count is read from each
PDF and kept in the manifest.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import math
import random
import shutil
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "samples" / "src"
MANIFEST = "manifest.json"
CORPUS_VERSION = 1
"""Bump when the generator changes, so that a kept corpus folder is rebuilt, not reused."""
CHARACTERS_PER_PAGE = 3500
"""Prose characters that fill one A4 page of the families' body text (measured)."""
PARAGRAPHS_PER_HEADING = 6
"""A sub-heading before every this many added paragraphs, as long Vorlagen are structured."""
SEED = 20250601
CONVERSION_BATCH = 50
"""DOCX files per LibreOffice run: one start for many files, yet a bounded run time."""


@dataclass(frozen=True, slots=True)
class Document:
    """One generated Vorlage: its file stem, the sample it grew from, and its page counts."""

    stem: str
    source: str
    target_pages: int
    pages: int = 0
    formats: tuple[str, ...] = ()

    def path(self, folder: Path, extension: str) -> Path:
        return folder / extension / f"{self.stem}.{extension}"


def builder() -> ModuleType:
    """``scripts/build_samples.py`` as a module: the one renderer of the sample families."""
    path = ROOT / "scripts" / "build_samples.py"
    spec = importlib.util.spec_from_file_location("build_samples", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the sample renderer {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def mixed_page_counts(count: int, seed: int = SEED) -> list[int]:
    """Page counts between 1 and 40 as archives hold them: most Vorlagen are short (median about
    four pages), a few carry long reasoning. The shortest and the longest are always included."""
    rng = random.Random(seed)
    pages = [min(40, max(1, round(math.exp(rng.gauss(math.log(4), 0.8))))) for _ in range(count)]
    if count >= 2:
        pages[0], pages[-1] = 1, 40
    return pages


def grow(sample: Any, pages: int, base_pages: int, rng: random.Random, fill: float = 1.0) -> Any:
    """A copy of ``sample`` with prose added for ``pages`` pages, or cut to one page.

    Prose goes into the sample's longest text section (the Sachverhalt or Begründung): its own
    paragraphs again, each round in another seeded order. ``fill`` corrects the amount where
    a first rendering came out longer or shorter than asked.
    """
    grown = copy.deepcopy(sample)
    texts = [section for section in grown.abschnitte if "text" in section]
    if pages <= 1:
        for section in texts:
            section["text"] = next(iter(_prose(section["text"])), "")
        for section in grown.abschnitte:
            if "punkte" in section:
                section["punkte"] = section["punkte"][:2]
        grown.beratung = grown.beratung[:3]
        return grown
    if not texts:
        return grown
    longest = max(texts, key=lambda section: len(section["text"]))
    pool = _prose(longest["text"])
    order: list[str] = []
    added: list[str] = []
    budget = max(0, pages - base_pages) * CHARACTERS_PER_PAGE * fill
    index = 0
    while budget > 0:
        if index % PARAGRAPHS_PER_HEADING == 0:
            added.append(f"## Teil {index // PARAGRAPHS_PER_HEADING + 1}")
        if not order:
            order = rng.sample(pool, len(pool))
        added.append(order.pop())
        budget -= len(added[-1])
        index += 1
    longest["text"] = longest["text"].rstrip() + "\n\n" + "\n\n".join(added) + "\n"
    return grown


def _prose(text: str) -> list[str]:
    """The plain prose paragraphs of a source text: no sub-headings, no check-box lines."""
    return [
        paragraph
        for paragraph in text.strip().split("\n\n")
        if paragraph.strip() and not paragraph.startswith("## ") and "[x]" not in paragraph
    ]


def plan(mixed: int, scaling: Iterable[int]) -> list[Document]:
    """The documents to build: ``mixed`` documents of 1 to 40 pages cycling through the sample
    sources, and one document per page count of ``scaling``."""
    sources = sorted(path.stem for path in SOURCES.glob("*.toml"))
    documents = [
        Document(f"m{index:04d}_{sources[index % len(sources)]}", sources[index % len(sources)], p)
        for index, p in enumerate(mixed_page_counts(mixed))
    ]
    # One family for the scaling series, so that only the length changes between its rows.
    documents += [Document(f"s{p:04d}_bv-2025-044", "bv-2025-044", p) for p in scaling]
    return documents


def build(
    folder: Path, documents: list[Document], *, exact: Iterable[str] = (), log: Any = print
) -> list[Document]:
    """Render ``documents`` into ``folder``/docx, /pdf and /txt and write the manifest; a folder
    that already holds this corpus (same manifest) is reused as it is. The documents named in
    ``exact`` are rendered a second time with corrected length where the first rendering missed
    their page count by more than a twentieth."""
    stems = [document.stem for document in documents]
    kept = load(folder)
    if kept is not None and [document.stem for document in kept] == stems:
        log(f"corpus: reusing {folder}")
        return kept
    renderer = _Renderer(folder)
    pages = renderer.render(documents, dict.fromkeys(stems, 1.0))
    fills = {}
    for document in documents:
        base = renderer.base_pages(document.source)
        actual, target = pages[document.stem], document.target_pages
        if document.stem in exact and actual > base and abs(actual - target) > target / 20:
            fills[document.stem] = (target - base) / (actual - base)
    if fills:
        log(f"corpus: correcting the length of {len(fills)} documents")
        again = [document for document in documents if document.stem in fills]
        pages.update(renderer.render(again, fills))
    built = [
        Document(d.stem, d.source, d.target_pages, pages[d.stem], tuple(renderer.formats[d.stem]))
        for d in documents
    ]
    if not renderer.has_pdftotext:
        log("corpus: pdftotext is missing, so the layout-text renditions were left out")
    manifest = {"version": CORPUS_VERSION, "built": [asdict(d) for d in built]}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return built


class _Renderer:
    """The sample renderer bound to one corpus folder and the sample sources."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.build_samples = builder()
        self.samples = {
            path.stem: self.build_samples.Sample.load(path) for path in SOURCES.glob("*.toml")
        }
        self.has_pdftotext = shutil.which("pdftotext") is not None
        self.formats: dict[str, list[str]] = {}
        for extension in ("docx", "pdf", "txt"):
            (folder / extension).mkdir(parents=True, exist_ok=True)

    def base_pages(self, source: str) -> int:
        """Pages of the sample as it is (its committed PDF)."""
        return pdf_pages(SOURCES.parent / self.samples[source].family / f"{source}.pdf")

    def render(self, documents: list[Document], fills: dict[str, float]) -> dict[str, int]:
        """Write DOCX, PDF (LibreOffice, in batches) and text; returns each PDF's page count."""
        build_samples = self.build_samples
        models = {}
        for document in documents:
            # A generator per document: a corrected rendering repeats the same paragraphs.
            rng = random.Random(f"{SEED}-{document.stem}")
            source = self.samples[document.source]
            sample = grow(
                source,
                document.target_pages,
                self.base_pages(document.source),
                rng,
                fills[document.stem],
            )
            sample.name = document.stem
            model = build_samples.FAMILIES[sample.family](sample)
            build_samples.write_docx(sample, model, document.path(self.folder, "docx"))
            models[document.stem] = (sample, model)
        docx_paths = [document.path(self.folder, "docx") for document in documents]
        for start in range(0, len(docx_paths), CONVERSION_BATCH):
            batch = docx_paths[start : start + CONVERSION_BATCH]
            build_samples.convert_to_pdf(batch, self.folder / "pdf")
        pages = {}
        for document in documents:
            sample, model = models[document.stem]
            pdf = document.path(self.folder, "pdf")
            self.formats[document.stem] = ["docx", "pdf"]
            if self.has_pdftotext or sample.opt("txt") != "layout":
                build_samples.write_text(sample, model, pdf, document.path(self.folder, "txt"))
                self.formats[document.stem].append("txt")
            pages[document.stem] = pdf_pages(pdf)
        return pages


def load(folder: Path) -> list[Document] | None:
    """The documents of a corpus folder built by this version of the generator, else None."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("version") != CORPUS_VERSION or "built" not in manifest:
        return None
    return [
        Document(d["stem"], d["source"], d["target_pages"], d["pages"], tuple(d["formats"]))
        for d in manifest["built"]
    ]


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()
