"""``vorlage init``: read a folder of a council's Vorlagen and write what they share into its
configuration as a profile (``profile.py``), beside whatever the file already holds."""

from __future__ import annotations

from pathlib import Path

from vorlage_cli.commands import RunError, checker_for
from vorlage_cli.config import DOTFILE, PYPROJECT, Config, ConfigError, find_config, load_config
from vorlage_cli.options import Options
from vorlage_cli.profile import Profile, ProfileFileError, learn, write_profile
from vorlage_cli.terminal import note


def target_file(explicit: Path | None) -> Path:
    """Where the profile goes: the file given, else the configuration of the working
    directory if it lies there, else a new ``.vorlage.toml`` in it."""
    if explicit is not None:
        return explicit
    here = Path.cwd()
    found = find_config(here)
    if found is not None and found.parent == here.resolve():
        return found
    pyproject = here / PYPROJECT
    if pyproject.is_file() and "[tool.vorlage]" in pyproject.read_text(encoding="utf-8"):
        return pyproject
    return here / DOTFILE


def run_init(
    options: Options,
    target: Path,
    *,
    min_share: float,
    min_documents: int,
    replace: bool,
) -> int:
    """Learn from the inputs and write the profile; returns the exit code."""
    from vorlage_cli.discovery import discover
    from vorlage_cli.runner import default_jobs, process_all

    inputs = discover(options.paths, options.exclude)
    if not inputs.files:
        raise RunError("keine Dokumente gefunden, aus denen sich ein Profil lernen ließe")
    if target.exists():
        try:
            load_config(target) if target.name != PYPROJECT or _has_table(target) else None
        except ConfigError as error:
            raise RunError(str(error)) from None
    checker, _ = checker_for(inputs, options)
    vorlagen = []
    unread = 0
    for result in process_all(
        inputs.files, jobs=options.jobs or default_jobs(), timeout=options.timeout, task=checker
    ):
        if result.vorlage is None:
            unread += 1
        else:
            vorlagen.append(result.vorlage)
    lexicon = Config().lexicon if options.config is None else load_config(options.config).lexicon
    profile = learn(vorlagen, lexicon, min_share=min_share, min_documents=min_documents)
    try:
        write_profile(target, profile, replace=replace)
    except ProfileFileError as error:
        raise RunError(str(error)) from None
    note(_summary(profile, target, unread))
    return 0


def _has_table(pyproject: Path) -> bool:
    return find_config(pyproject) == pyproject.resolve()


def _summary(profile: Profile, target: Path, unread: int) -> str:
    kinds = ", ".join(f"{kind} ({p.documents})" for kind, p in profile.kinds.items()) or "keine"
    text = (
        f"Profil aus {profile.documents} Vorlagen nach {target} geschrieben: Arten {kinds}; "
        f"{len(profile.bodies)} Gremien, {len(profile.numbers)} Nummernformen, "
        f"{len(profile.order)} feste Reihenfolgen"
    )
    if unread:
        text += f"; {unread} Dateien nicht lesbar"
    return text
