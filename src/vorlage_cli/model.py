"""The data contract: what ``vorlage export`` writes and ``vorlage schema`` describes.

The models type and normalise values (ISO dates, OParl role nouns) but never judge them; judging
is the rules' job. Keys may be added in later versions but are never renamed
(see docs/data-contract.md).

The descriptions and examples in the fields are the schema's, for the people who use the
exported data: German, saying what a field means in a Vorlage, not how it is computed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

SCHEMA_VERSION = 1
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:vorlage:schema:dokument:{SCHEMA_VERSION}"
"""Stable for as long as ``SCHEMA_VERSION`` is: a name, not a place to download from."""

Rolle = Literal["Vorberatung", "Entscheidung", "Kenntnisnahme", "Anhörung", "Beratung"]
RollenQuelle = Literal["gedruckt", "abgeleitet"]
Severity = Literal["error", "warning", "info"]
SourceFormat = Literal["txt", "pdf", "docx", "odt", "html"]


def _described(title: str, description: str) -> ConfigDict:
    return ConfigDict(json_schema_extra={"title": title, "description": description})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Location(_Model):
    """Where in the source file: page (PDF) and line (text line, line on a PDF page, DOCX or
    ODT paragraph, HTML source line); for a person who has the document open in Word or a
    viewer, the heading of the section and the first words of the paragraph."""

    model_config = _described(
        "Fundstelle", "Wo im Dokument der Befund steht; unbekannte Teile sind null."
    )

    page: int | None = Field(
        None,
        description="Seite im PDF, ab 1; null bei Text, DOCX, ODT und HTML, die keine Seiten "
        "haben, und wo die Stelle unbekannt ist.",
        examples=[2],
    )
    line: int | None = Field(
        None,
        description="Zeile: bei Text die Zeile der Datei, bei PDF die Zeile auf der Seite, bei "
        "DOCX und ODT der Absatz im Textkörper, bei HTML die Zeile des Quelltexts.",
        examples=[14],
    )
    heading: str | None = Field(
        None,
        description="Die gedruckte Überschrift des Abschnitts, in dem die Stelle steht, damit "
        "man sie in Word oder einem Betrachter findet.",
        examples=["Begründung:"],
    )
    paragraph: str | None = Field(
        None,
        description="Die ersten Wörter des Absatzes oder der Tabellenzeile, in dem oder der die "
        "Stelle steht.",
        examples=["Der Rat beschließt das Konzept …"],
    )


class Source(_Model):
    model_config = _described("Quelle", "Die gelesene Datei.")

    path: str = Field(
        description="Der Pfad der Datei, wie er angegeben oder beim Durchsuchen eines Ordners "
        "gefunden wurde; '-' für die Standardeingabe.",
        examples=["vorlagen/VL-40-2024-1N.pdf", "-"],
    )
    format: SourceFormat | None = Field(
        description="Das Format, nach dem Inhalt der Datei bestimmt (nicht nach ihrer Endung); "
        "null, wenn sie sich nicht lesen ließ.",
        examples=["pdf", "docx"],
    )
    sha256: str | None = Field(
        description="SHA-256-Prüfsumme der Datei, um dasselbe Dokument wiederzuerkennen; null, "
        "wenn sie sich nicht lesen ließ.",
        examples=["9f2c4e8a0b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e"],
    )
    pages: int | None = Field(
        None,
        description="Seitenzahl, wo das Format sie kennt (PDF; bei DOCX und ODT die beim "
        "letzten Speichern gezählte); sonst null.",
        examples=[5],
    )


class Beratung(_Model):
    """One station of the Beratungsfolge."""

    model_config = _described(
        "Beratung",
        "Ein Schritt der Beratungsfolge: ein Gremium, das sich in einer Sitzung mit der Vorlage "
        "befasst.",
    )

    gremium: str = Field(
        description="Das Gremium, das berät oder entscheidet, über Zeilen hinweg "
        "zusammengesetzt, ohne Ergebnisse und Stimmenzahlen.",
        examples=["Haupt- und Finanzausschuss", "Rat der Stadt Lünen"],
    )
    rolle: Rolle | None = Field(
        None,
        description="Die Rolle des Gremiums, vereinheitlicht auf die Begriffe von OParl: "
        "Vorberatung, Entscheidung, Kenntnisnahme, Anhörung oder Beratung. Wo das Dokument "
        "keine Rolle druckt, wird sie aus der Art der Vorlage und der Reihenfolge abgeleitet "
        "(siehe rolle_quelle); null, wo sie sich nicht bestimmen lässt.",
        examples=["Vorberatung", "Entscheidung"],
    )
    rolle_text: str | None = Field(
        None,
        description="Die Rolle, wie sie gedruckt ist; null, wo keine gedruckt ist.",
        examples=["beschließend", "Beratung und Empfehlung"],
    )
    rolle_quelle: RollenQuelle | None = Field(
        None,
        description="Woher die Rolle stammt: 'gedruckt' (steht im Dokument) oder 'abgeleitet' "
        "(aus der Art der Vorlage und der Reihenfolge der Sitzungen geschlossen: das letzte "
        "Gremium einer Beschlussvorlage entscheidet, die früheren beraten vor); null ohne Rolle.",
        examples=["gedruckt", "abgeleitet"],
    )
    termin: dt.date | None = Field(
        None,
        description="Der Sitzungstermin (ISO 8601, JJJJ-MM-TT); bei mehrtägigen Sitzungen der "
        "erste Tag; null, wenn keiner gedruckt, er kein gültiges Datum oder noch offen ist "
        "(„noch offen“, „-“).",
        examples=["2024-03-14"],
    )
    einladung: str | None = Field(
        None,
        description="Die Nummer der Einladung zur Sitzung, wo gedruckt.",
        examples=["7/2024"],
    )
    top: str | None = Field(
        None,
        description="Der Tagesordnungspunkt, wie gedruckt.",
        examples=["5", "Ö 3", "18.1"],
    )
    oeffentlich: bool | None = Field(
        None,
        description="Ob dieser Schritt öffentlich beraten wird (aus einer Spalte oder Markierung "
        "Ö/N je Zeile); null, wo die Zeile nichts dazu sagt.",
        examples=[True, False],
    )


class Unterzeichnung(_Model):
    model_config = _described(
        "Unterzeichnung", "Wer die Vorlage unterschrieben hat und in welcher Funktion."
    )

    name: str | None = Field(
        None,
        description="Name der unterzeichnenden Person, ohne Vertretungszusatz.",
        examples=["Dr. Christian Klicki"],
    )
    funktion: str | None = Field(
        None,
        description="Ihre Funktion, wie gedruckt.",
        examples=["Beigeordneter", "Bürgermeisterin"],
    )
    vertretung: str | None = Field(
        None,
        description="Der Zusatz vor dem Namen: 'i.V.' (in Vertretung), 'i.A.' (im Auftrag) oder "
        "'gez.' (gezeichnet); null ohne Zusatz.",
        examples=["i.V.", "gez."],
    )


class Anlage(_Model):
    model_config = _described("Anlage", "Ein Eintrag im Anlagenverzeichnis der Vorlage.")

    nummer: str | None = Field(
        None,
        description="Die Nummer der Anlage, wie gedruckt; null bei einer Anlage ohne Nummer.",
        examples=["1", "6a"],
    )
    titel: str = Field(
        description="Der Titel der Anlage.",
        examples=["Lageplan", "Smart City-Strategiekonzept"],
    )


class Vorlage(_Model):
    model_config = _described(
        "Vorlage",
        "Die Angaben, die der Vorlage entnommen wurden. Texte sind bereinigt: Leerraum zu "
        "einfachen Leerzeichen, Zeilen eines Absatzes verbunden, Trennstriche am Zeilenende "
        "entfernt, wo sie nur ein Wort trennen; Absätze durch eine Leerzeile getrennt; keine "
        "Kopf- und Fußzeilen. Was das Dokument nicht angibt, ist null (oder eine leere Liste).",
    )

    nummer: str | None = Field(
        None,
        description="Die Nummer der Vorlage, wie gedruckt, ohne Beschriftung ('Vorlage-Nr.:') "
        "und ohne Zusatz der Fassung.",
        examples=["VL-40/2024", "DS 12/2021", "BV/009/2023/IV-DKT"],
    )
    fassung: str | None = Field(
        None,
        description="Der Zusatz einer Neufassung oder Ergänzung, wie gedruckt: 'VL-40/2024 1N' "
        "ergibt '1N', 'DS 12/2021 1. Ergänzung' ergibt '1. Ergänzung', '2023/0999/1' ergibt '1'; "
        "null für das Original.",
        examples=["1N", "1. Ergänzung"],
    )
    art: str | None = Field(
        None,
        description="Die Art des Dokuments, wie es sich selbst nennt, in üblicher Schreibweise.",
        examples=["Beschlussvorlage", "Mitteilungsvorlage", "Antrag"],
    )
    betreff: str | None = Field(
        None,
        description="Der Betreff (Titel des Tagesordnungspunkts), alle Zeilen verbunden.",
        examples=["Smart City-Strategiekonzept für die Stadt Lünen"],
    )
    ersteller: str | None = Field(
        None,
        description="Die federführende Stelle, die die Vorlage verfasst hat (Fachbereich, Amt, "
        "Dienststelle, bei Anträgen die Fraktion).",
        examples=["Fachbereich Innovative Stadt"],
    )
    erstellt_am: dt.date | None = Field(
        None,
        description="Das Datum der Vorlage (ISO 8601, JJJJ-MM-TT).",
        examples=["2024-03-20"],
    )
    sitzungsteil: Literal["öffentlich", "nichtöffentlich"] | None = Field(
        None,
        description="Ob die Vorlage als Ganzes öffentlich oder nichtöffentlich beraten wird, wo "
        "das Dokument es für die ganze Vorlage sagt; sonst null (siehe auch "
        "beratungsfolge[].oeffentlich).",
        examples=["öffentlich"],
    )
    beratungsfolge: list[Beratung] = Field(
        default_factory=list,
        description="Die Gremien, die sich mit der Vorlage befassen, in gedruckter Reihenfolge "
        "(auch wo die Liste mit der neuesten Sitzung beginnt).",
        examples=[
            [
                {
                    "gremium": "Rat der Stadt Lünen",
                    "rolle": "Entscheidung",
                    "rolle_text": "beschließend",
                    "rolle_quelle": "gedruckt",
                    "termin": "2024-04-25",
                    "einladung": "7/2024",
                    "top": None,
                    "oeffentlich": None,
                }
            ]
        ],
    )
    finanzielle_auswirkungen: str | None = Field(
        None,
        description="Der Text zu den finanziellen Auswirkungen. Ankreuzfelder sind als Antwort "
        "gelesen ('Ja ☐ Nein ☒' ergibt 'Nein'); '-' und './.' bleiben, wie gedruckt.",
        examples=["Nein", "Kosten von 12.000 Euro, gedeckt im Produkt 13.01."],
    )
    beschlussvorschlag: list[str] = Field(
        default_factory=list,
        description="Der Beschlussvorschlag, ein Eintrag je nummerierten Punkt (ohne die "
        "Nummer); ein Vorschlag ohne Nummern ist ein Eintrag; leer, wo es keinen gibt (etwa bei "
        "einer Mitteilungsvorlage).",
        examples=[["Der Rat beschließt das Konzept.", "Die Verwaltung wird beauftragt, …"]],
    )
    sachdarstellung: str | None = Field(
        None,
        description="Die Begründung (Sachdarstellung, Sachverhalt, Begründung, Erläuterungen).",
        examples=["Die Stadt Lünen hat sich 2022 erfolgreich beworben …"],
    )
    unterzeichnung: Unterzeichnung | None = Field(
        None,
        description="Die Unterschrift; null bei einer Vorlage ohne Unterschrift.",
        examples=[
            {"name": "Dr. Christian Klicki", "funktion": "Beigeordneter", "vertretung": "i.V."}
        ],
    )
    anlagen: list[Anlage] = Field(
        default_factory=list,
        description="Das Anlagenverzeichnis.",
        examples=[[{"nummer": "1", "titel": "Lageplan"}]],
    )
    weitere_abschnitte: dict[str, str] = Field(
        default_factory=dict,
        description="Weitere Abschnitte nach ihrer Überschrift (in üblicher Schreibweise), etwa "
        "Klimaverträglichkeit oder Inklusionsverträglichkeit.",
        examples=[{"Klimaverträglichkeit": "Die Maßnahme ist klimaneutral."}],
    )


class Related(_Model):
    """A place in another document that a finding across documents is about too."""

    model_config = _described(
        "Weitere Fundstelle",
        "Eine Stelle in einem anderen Dokument, um die es bei einem Befund über mehrere "
        "Vorlagen auch geht.",
    )

    path: str = Field(
        description="Die andere Datei, wie in source.path.",
        examples=["vorlagen/VL-40-2024.pdf"],
    )
    format: SourceFormat | None = Field(
        None,
        description="Das Format der anderen Datei, wie in source.format: Es sagt, ob "
        "location.line eine Zeile der Datei, eine Zeile auf der Seite oder ein Absatz ist.",
        examples=["pdf"],
    )
    location: Location = Field(
        default_factory=Location,
        description="Wo im anderen Dokument die Stelle steht.",
        examples=[{"page": 1, "line": 3}],
    )
    excerpt: str | None = Field(
        None,
        description="Ein kurzes Zitat der Stelle, wie gedruckt.",
        examples=["Vorlage Nr.: 2025/0079"],
    )


class Finding(_Model):
    model_config = _described("Befund", "Etwas, das eine Regel oder das Lesen der Datei meldet.")

    code: str = Field(
        description="Der feste Code der Regel oder des Lesefehlers; 'vorlage rules CODE' "
        "erklärt ihn.",
        examples=["BF003", "RD002"],
    )
    severity: Severity = Field(
        description="Der Schweregrad: 'error' (Fehler), 'warning' (Warnung) oder 'info' "
        "(Hinweis), wie in der Konfiguration eingestellt.",
        examples=["error"],
    )
    message: str = Field(
        description="Die Meldung auf Deutsch, mit den betroffenen Werten.",
        examples=[
            "Entscheidung im Rat am 14.03.2024 liegt vor der Vorberatung im Haupt- und "
            "Finanzausschuss am 21.03.2024"
        ],
    )
    field: str | None = Field(
        None,
        description="Das betroffene Feld der Vorlage als Pfad; null, wo der Befund das ganze "
        "Dokument betrifft.",
        examples=["beratungsfolge[2].termin"],
    )
    location: Location = Field(
        default_factory=Location,
        description="Wo im Dokument der Befund steht.",
        examples=[{"page": 1, "line": 14}],
    )
    excerpt: str | None = Field(
        None,
        description="Ein kurzes Zitat des Textes, um den es geht, wie gedruckt (mit „…“ "
        "gekürzt); null, wo es um etwas geht, das im Dokument fehlt.",
        examples=["Rat 10.02.2025"],
    )
    related: list[Related] = Field(
        default_factory=list,
        description="Stellen in anderen Dokumenten, um die es auch geht, bei Befunden über "
        "mehrere Vorlagen (Gruppe REP: dieselbe Nummer in zwei Vorlagen, ein Gremium in zwei "
        "Schreibweisen …); fehlt bei allen anderen Befunden.",
        examples=[[{"path": "vorlagen/b.pdf", "location": {"page": 1, "line": 3}}]],
    )

    @model_serializer(mode="wrap")
    def _without_empty_related(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A finding about one document writes what it wrote before ``related`` existed."""
        data: dict[str, Any] = handler(self)
        if not data.get("related"):
            data.pop("related", None)
        return data


class DocumentResult(_Model):
    """One line of ``vorlage export``."""

    model_config = _described(
        "Dokument",
        "Ein Dokument, wie 'vorlage export' es schreibt: die gelesene Datei, die entnommenen "
        "Angaben und die Befunde der Prüfung.",
    )

    schema_version: Literal[1] = Field(
        SCHEMA_VERSION,
        description="Die Version dieses Schemas; Felder kommen hinzu, werden aber nie "
        "umbenannt, solange sie gleich bleibt.",
        examples=[1],
    )
    source: Source = Field(
        description="Die gelesene Datei: Pfad, Format, Prüfsumme und Seitenzahl.",
        examples=[
            {"path": "vorlagen/VL-40-2024-1N.pdf", "format": "pdf", "sha256": None, "pages": 5}
        ],
    )
    vorlage: Vorlage | None = Field(
        description="Die entnommenen Angaben; null, wenn die Datei nicht gelesen werden konnte "
        "(der Grund steht dann in findings).",
        examples=[{"nummer": "VL-40/2024", "fassung": "1N", "art": "Verwaltungsvorlage"}],
    )
    findings: list[Finding] = Field(
        default_factory=list,
        description="Die Befunde, in der Reihenfolge der Regeln.",
        examples=[[{"code": "RD003", "severity": "error", "message": "die Datei ist leer"}]],
    )
    valid: bool = Field(
        description="true, wenn kein Befund den Schweregrad 'error' hat.",
        examples=[False],
    )

    def to_json(self) -> str:
        return self.model_dump_json()


def document_schema() -> dict[str, Any]:
    """The JSON Schema of one exported document, as ``vorlage schema`` prints it. pydantic
    titles each property after its key ("Rolle Text", "Severity"); the keys are the names, and
    the German descriptions say what they mean, so those titles are left out."""
    schema = DocumentResult.model_json_schema()
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for field in definition.get("properties", {}).values():
            field.pop("title", None)
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **schema}
