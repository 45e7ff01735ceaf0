"""Every preset shipped with vorlage is valid lexicon data and changes what it says."""

from __future__ import annotations

import pytest

from vorlage_cli.extract import extract
from vorlage_cli.extract.lexicon import default_lexicon, preset, presets
from vorlage_cli.readers.text import read_text

ALLRIS_PAGE = (
    "Antrag - 2026/0245\nBetreff:\nSpielplatz am Kanal\nAntrag:\nDer Rat möge beschließen.\n"
)


@pytest.mark.parametrize("name", sorted(presets()))
def test_a_preset_has_a_description_and_changes_the_lexicon(name: str) -> None:
    changes = preset(name)
    assert presets()[name]
    changed = default_lexicon().changed(changes)
    assert changed.data != default_lexicon().data


def test_the_allris_preset_makes_antrag_head_the_proposal() -> None:
    document = read_text(ALLRIS_PAGE.encode())
    assert extract(document).vorlage.beschlussvorschlag == []
    with_preset = default_lexicon().changed(preset("allris"))
    assert extract(document, with_preset).vorlage.beschlussvorschlag == [
        "Der Rat möge beschließen."
    ]


def test_an_unknown_preset_is_refused() -> None:
    with pytest.raises(KeyError):
        preset("provox")
