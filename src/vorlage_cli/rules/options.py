"""Rule options: each declared once, beside the rule that reads it, with its name, type,
default and documentation (as yamllint's ``CONF``/``DEFAULT`` and sqlfluff's
``config_keywords`` do). The configuration reads and checks every option through its
declaration, and docs/configuration.md is generated from the same declarations, so the three
cannot drift apart.

A rule reads an option by its declaration (``options[MIN_INVITATION_DAYS]``), typed by it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from vorlage_cli.extract.lexicon import Lexicon

T = TypeVar("T")


class OptionError(ValueError):
    """A value that does not fit its option: ``problem`` says what was expected, in German;
    ``where`` names the entry inside the option's table, if any."""

    def __init__(self, problem: str, where: str = "") -> None:
        super().__init__(problem)
        self.problem, self.where = problem, where


@dataclass(frozen=True, slots=True)
class OptionType(Generic[T]):
    """How an option's TOML value is read and documented."""

    label: str
    """The type for the documentation ("Liste von Texten")."""
    read: Callable[[object], T]
    """Turns the TOML value into the rule's value; raises :class:`OptionError`."""


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise OptionError("erwartet true oder false")
    return value


def _whole(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise OptionError("erwartet eine ganze Zahl ab 0")
    return value


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise OptionError("erwartet eine Liste von Texten")
    return tuple(value)


def _text_table(value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise OptionError("erwartet eine Tabelle")
    table: dict[str, tuple[str, ...]] = {}
    for name, items in value.items():
        try:
            table[name] = _texts(items)
        except OptionError as error:
            raise OptionError(error.problem, name) from None
    return table


FLAG: OptionType[bool] = OptionType("true oder false", _flag)
WHOLE: OptionType[int] = OptionType("ganze Zahl ab 0", _whole)
TEXTS: OptionType[tuple[str, ...]] = OptionType("Liste von Texten", _texts)
TEXT_TABLE: OptionType[dict[str, tuple[str, ...]]] = OptionType(
    "Tabelle: Name → Liste von Texten", _text_table
)


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One configuration key that rules read."""

    name: str
    """The key in ``.vorlage.toml`` / ``[tool.vorlage]`` (kebab-case, as ruff spells its keys)."""
    type: OptionType[Any]
    default: T
    doc: str
    """What the option means, for docs/configuration.md (English, like the rule docs)."""
    example: str = ""
    """A TOML value to show in the documentation."""
    validate: Callable[[T, Lexicon], T] | None = None
    """Checks what the type cannot (a kind's name against the lexicon) and normalises it;
    raises :class:`OptionError`."""

    def read(self, value: object, lexicon: Lexicon) -> T:
        read: T = self.type.read(value)
        return self.validate(read, lexicon) if self.validate is not None else read


class OptionValues:
    """The options' values for one configuration: those set, the declared defaults otherwise."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, object] | None = None) -> None:
        self._values = dict(values or {})

    def __getitem__(self, option: Option[T]) -> T:
        return self._values.get(option.name, option.default)  # type: ignore[return-value]

    def is_set(self, option: Option[Any]) -> bool:
        return option.name in self._values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OptionValues) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values)))
