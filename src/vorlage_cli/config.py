"""Configuration: rules on and off, severities, local practice, extra lexicon labels, per-path
ignores.

A document's configuration is the first ``.vorlage.toml``, or ``pyproject.toml`` with a
``[tool.vorlage]`` table, found by walking up from the document's folder (in one folder the
dotfile wins), as ruff and yamllint find theirs; ``--config FILE`` replaces the search. Nothing
found means the defaults. The keys are described in docs/configuration.md; unknown keys are
errors, so that a typo does not silently switch nothing off.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Literal, get_args

from vorlage_cli.extract.lexicon import Lexicon, default_lexicon, preset, presets
from vorlage_cli.model import Finding, Severity
from vorlage_cli.rules import RuleOptions, RuleSettings, all_options
from vorlage_cli.rules.catalogue import TITLES, catalogue, lookup
from vorlage_cli.rules.options import TEXTS, OptionError, OptionValues

DOTFILE = ".vorlage.toml"
PYPROJECT = "pyproject.toml"
OWN_KEYS = ("rules", "preset", "lexicon", "per-path-ignores", "oparl-base-url")
"""The keys of the configuration itself; every other key is an option a rule declares."""


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Config:
    """The configuration that applies to one document."""

    path: Path | None = None
    """The file it was read from; None for the defaults."""
    settings: RuleSettings = field(default_factory=RuleSettings)
    ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    """(glob pattern, codes) pairs, the patterns relative to the configuration's folder."""
    oparl_base_url: str | None = None
    """Where ``export --format oparl`` mints its ids; None: the default (``report/oparl.py``)."""

    @property
    def lexicon(self) -> Lexicon:
        return self.settings.options.lexicon

    def ignored_codes(self, document: Path) -> set[str]:
        """The codes and code groups ("DAT", "ALL") switched off for this document."""
        if self.path is None:
            return set()
        root = self.path.parent.resolve()
        resolved = document.resolve()
        try:
            relative = resolved.relative_to(root).as_posix()
        except ValueError:
            relative = resolved.as_posix()
        codes: set[str] = set()
        for pattern, listed in self.ignores:
            if _matches(pattern, relative, resolved.name):
                codes |= listed
        return codes

    def adjust(self, findings: list[Finding], document: Path, *, readable: bool) -> list[Finding]:
        """Findings as configured (see :meth:`RuleSettings.adjust`), with this document's
        per-path ignores. A document that could not be read keeps its error, whatever the
        configuration says: it was not checked at all."""
        if not readable:
            return findings
        return self.settings.adjust(findings, self.ignored_codes(document))


def _matches(pattern: str, relative: str, name: str) -> bool:
    """A glob against the path relative to the configuration's folder; a pattern without a
    slash also matches the file name alone ("*.html"). ``*`` crosses folders, as in ruff."""
    if fnmatch(relative, pattern):
        return True
    if pattern.startswith("**/") and fnmatch(relative, pattern[3:]):
        return True
    return "/" not in pattern and fnmatch(name, pattern)


def find_config(document: Path) -> Path | None:
    """The configuration file for a document: the nearest folder, from the document's own
    upwards, holding a ``.vorlage.toml`` or a ``pyproject.toml`` with ``[tool.vorlage]``."""
    start = document.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        dotfile = candidate / DOTFILE
        if dotfile.is_file():
            return dotfile
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _read(pyproject).get("tool", {}).get("vorlage") is not None:
            return pyproject
    return None


def load_config(path: Path) -> Config:
    """Read and check one configuration file."""
    data = _read(path)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("vorlage")
        if table is None:
            raise ConfigError(f"{path}: kein Abschnitt [tool.vorlage]")
        prefix = "tool.vorlage."
    else:
        table, prefix = data, ""
    return parse_config(table, path, prefix)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except FileNotFoundError:
        raise ConfigError(f"{path}: Konfigurationsdatei nicht gefunden") from None
    except OSError as error:
        raise ConfigError(f"{path}: lässt sich nicht lesen ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: kein gültiges TOML ({error})") from None


class _Validator:
    """Turns a configuration table into typed values, with one-line errors naming the key."""

    def __init__(self, path: Path, prefix: str) -> None:
        self.path, self.prefix = path, prefix

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: {self.prefix}{key}: {problem}")

    def strings(self, key: str, value: object) -> tuple[str, ...]:
        try:
            return TEXTS.read(value)
        except OptionError as error:
            raise self.fail(key, str(error)) from None

    def table(self, key: str, value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, "erwartet eine Tabelle")
        return value


def parse_config(table: dict[str, Any], path: Path, prefix: str = "") -> Config:
    """A configuration from its table (the contents of ``.vorlage.toml``, or ``[tool.vorlage]``
    with ``prefix`` "tool.vorlage." for the messages); ``path`` anchors per-path ignores. The
    rules' options are read and checked through their declarations."""
    check = _Validator(path, prefix)
    options = all_options()
    known = sorted({*OWN_KEYS, *options})
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise check.fail(unknown[0], f"unbekannter Schlüssel (bekannt: {', '.join(known)})")

    lexicon = default_lexicon()
    for name in _preset_names(check, table.get("preset", [])):
        lexicon = _changed(check, "preset", preset(name), lexicon)
    if "lexicon" in table:
        lexicon = _lexicon(check, check.table("lexicon", table["lexicon"]), lexicon)

    severities: dict[str, Severity | Literal["off"]] = {}
    for name, value in check.table("rules", table.get("rules", {})).items():
        found = lookup(name)
        if found is None:
            raise check.fail(f"rules.{name}", "unbekannter Code (Liste: vorlage rules)")
        if value != "off" and value not in get_args(Severity):
            raise check.fail(f"rules.{name}", 'erwartet "off", "error", "warning" oder "info"')
        severities[found.code] = value

    values: dict[str, object] = {}
    for name, option in options.items():
        if name in table:
            try:
                values[name] = option.read(table[name], lexicon)
            except OptionError as error:
                where = f"{name}.{error.where}" if error.where else name
                raise check.fail(where, error.problem) from None

    return Config(
        path=path,
        settings=RuleSettings(
            severities=severities, options=RuleOptions(lexicon, OptionValues(values))
        ),
        ignores=_ignores(check, table.get("per-path-ignores", {})),
        oparl_base_url=_base_url(check, table.get("oparl-base-url")),
    )


def _base_url(check: _Validator, value: object) -> str | None:
    from vorlage_cli.report.oparl import BaseUrlError, checked_base_url

    if value is None:
        return None
    if not isinstance(value, str):
        raise check.fail("oparl-base-url", "erwartet einen Text")
    try:
        return checked_base_url(value)
    except BaseUrlError as error:
        raise check.fail("oparl-base-url", str(error)) from None


def _preset_names(check: _Validator, value: object) -> list[str]:
    """The presets a configuration names (one name or a list), each checked to exist."""
    names = [value] if isinstance(value, str) else check.strings("preset", value)
    known = presets()
    for name in names:
        if name not in known:
            listed = ", ".join(known)
            raise check.fail("preset", f"unbekannte Voreinstellung „{name}“ (bekannt: {listed})")
    return list(names)


def _lexicon(check: _Validator, extra: dict[str, Any], base: Lexicon) -> Lexicon:
    """A configuration's lexicon table: its entries extend the lexicon; its ``override`` and
    ``remove`` tables replace and take out entries, after any preset, so the city wins."""
    changes = {
        "extend": {k: v for k, v in extra.items() if k not in ("override", "remove")},
        "override": check.table("lexicon.override", extra.get("override", {})),
        "remove": check.table("lexicon.remove", extra.get("remove", {})),
    }
    return _changed(check, "lexicon", changes, base)


def _changed(check: _Validator, where: str, changes: dict[str, Any], base: Lexicon) -> Lexicon:
    for part in ("extend", "override", "remove"):
        unknown = sorted(set(changes.get(part, {})) - set(base.data))
        if unknown:
            raise check.fail(
                f"{where}.{unknown[0]}",
                f"unbekannter Teil des Lexikons (bekannt: {', '.join(sorted(base.data))})",
            )
    try:
        return base.changed(changes)
    except (TypeError, ValueError, AttributeError) as error:
        raise check.fail(where, f"passt nicht zur Form von lexicon.toml ({error})") from None


def _ignores(check: _Validator, value: object) -> tuple[tuple[str, frozenset[str]], ...]:
    known = {entry.code for entry in catalogue()} | set(TITLES) | {"ALL"}
    pairs = []
    for pattern, codes in check.table("per-path-ignores", value).items():
        listed = {code.upper() for code in check.strings(f"per-path-ignores.{pattern}", codes)}
        wrong = sorted(listed - known)
        if wrong:
            raise check.fail(f'per-path-ignores."{pattern}"', f"unbekannter Code {wrong[0]}")
        pairs.append((pattern, frozenset(listed)))
    return tuple(pairs)


@dataclass(frozen=True, slots=True)
class Selection:
    """The command line's choice of codes, as ruff's ``--select``, ``--extend-select`` and
    ``--ignore``: codes or prefixes ("BF", "REQ006", "ALL"), on top of every configuration."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def check(self) -> None:
        """Every selector must name a code, a code prefix or ALL. Without selectors the
        catalogue is not loaded: it imports every rule module."""
        selectors = (*(self.select or ()), *self.extend_select, *self.ignore)
        if not selectors:
            return
        codes = [entry.code for entry in catalogue()]
        for selector in selectors:
            wanted = selector.strip().upper()
            if wanted != "ALL" and not any(code.startswith(wanted) for code in codes):
                raise ConfigError(f"{selector}: kein Code und kein Anfang eines Codes")

    def applied(self, config: Config) -> Config:
        if self == Selection():
            return config
        settings = replace(
            config.settings,
            select=self.select if self.select is not None else config.settings.select,
            extend_select=(*config.settings.extend_select, *self.extend_select),
            ignore=(*config.settings.ignore, *self.ignore),
        )
        return replace(config, settings=settings)


class ConfigResolver:
    """The configuration for each document: the given file for all of them, or the one found
    from each document's folder (read once per file); the command line's selection of codes
    applies to every one.

    The defaults are made when a document first needs them, not when the inputs are resolved:
    the main process of a run over many documents only makes sure that every configuration
    file can be read, and hands the documents to workers, which have the shipped lexicon
    built already (``warmup.py``)."""

    def __init__(self, explicit: Path | None = None, selection: Selection | None = None) -> None:
        self._selection = selection or Selection()
        self._selection.check()
        self._explicit = (
            self._selection.applied(load_config(explicit)) if explicit is not None else None
        )
        self._by_file: dict[Path, Config] = {}
        self._file_of: dict[Path, Path | None] = {}
        """The configuration file of each folder seen; None where the defaults apply."""
        self._defaults: Config | None = None

    def prepare(self, document: Path) -> None:
        """Read the configuration file that applies to ``document``, so that a broken one is
        reported (ConfigError) before any output."""
        if self._explicit is None:
            self._file_for(document)

    def for_document(self, document: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        found = self._file_for(document)
        if found is not None:
            return self._by_file[found]
        if self._defaults is None:
            self._defaults = self._selection.applied(Config())
        return self._defaults

    def _file_for(self, document: Path) -> Path | None:
        folder = document.resolve().parent
        if folder not in self._file_of:
            found = find_config(document)
            if found is not None and found not in self._by_file:
                self._by_file[found] = self._selection.applied(load_config(found))
            self._file_of[folder] = found
        return self._file_of[folder]
