"""OParl 1.1: each Vorlage as a ``Paper`` with its consultations embedded as ``Consultation``
objects, one Paper per line, as a council information system publishes them.

OParl references meetings and organizations by URL (``Consultation.meeting`` is a string in the
1.1 schema, so a Meeting object cannot be embedded there). A document does not know where its
council publishes: the ids are minted under a base (``--base-url`` or ``oparl-base-url`` in the
configuration; default ``urn:vorlage:oparl``, a name, not an address), the same body and session
date giving the same Meeting id in every Paper, and what a client could otherwise only fetch from
the server (the meeting's date, the body's name) travels in vendor properties with the prefix
``vorlage:``, as section 3 of the specification provides ("herstellerspezifische
Erweiterungen"). ``vorlage:file`` names the document read, relative as it was given, so that
``vorlage evaluate --oparl`` finds it again.

Papers hold what the document states: a role only where the extraction has one (with
``vorlage:roleSource`` saying whether it was printed or derived), ``authoritative`` only where
the role says whether the body decides. A document that could not be read is no Paper.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import IO, Any
from urllib.parse import quote

from vorlage_cli.model import Beratung, DocumentResult
from vorlage_cli.report import Summary

DEFAULT_BASE_URL = "urn:vorlage:oparl"
SCHEMA = "https://schema.oparl.org/1.1/"
VENDOR = "vorlage:"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+")
DECIDING = "Entscheidung"


class BaseUrlError(ValueError):
    """A base that is no absolute URI; the message says so in German."""


def checked_base_url(value: str) -> str:
    """The base without a closing slash; an absolute URI (``https://…``, ``urn:…``) or an
    error."""
    base = value.strip().rstrip("/")
    if not _SCHEME.fullmatch(base):
        raise BaseUrlError(
            f"„{value}“ ist keine absolute URL (etwa https://ris.example.de/oparl oder "
            f"{DEFAULT_BASE_URL})"
        )
    return base


def mint(base: str, kind: str, *key: str) -> str:
    """An id under the base: ``{base}/{kind}/{key}``, each part of the key percent-encoded, so
    that "VL-40/2024 1N" stays one segment."""
    return "/".join([base, kind, *(quote(part, safe="") for part in key)])


def paper(result: DocumentResult, base: str, reference: str | None) -> dict[str, Any] | None:
    """The Paper of one document; None where the document could not be read. ``reference`` is
    the number with its revision as printed (see ``facts.printed_reference``)."""
    vorlage = result.vorlage
    if vorlage is None:
        return None
    if reference is None and vorlage.nummer:
        reference = " ".join(part for part in (vorlage.nummer, vorlage.fassung) if part)
    key = reference or f"sha256-{(result.source.sha256 or '')[:16]}"
    identifier = mint(base, "paper", key)
    found: dict[str, Any] = {"id": identifier, "type": SCHEMA + "Paper"}
    if vorlage.betreff:
        found["name"] = vorlage.betreff
    if reference:
        found["reference"] = reference
    if vorlage.erstellt_am:
        found["date"] = vorlage.erstellt_am.isoformat()
    if vorlage.art:
        found["paperType"] = vorlage.art
    if vorlage.ersteller:
        found["underDirectionOf"] = [mint(base, "organization", vorlage.ersteller)]
        found[VENDOR + "underDirectionOfName"] = vorlage.ersteller
    if vorlage.beratungsfolge:
        found["consultation"] = [
            consultation(station, base, f"{identifier}/consultation/{position}")
            for position, station in enumerate(vorlage.beratungsfolge, start=1)
        ]
    found[VENDOR + "file"] = result.source.path
    if result.source.sha256:
        found[VENDOR + "sha256"] = result.source.sha256
    return found


def consultation(station: Beratung, base: str, identifier: str) -> dict[str, Any]:
    body = " ".join(station.gremium.split())
    found: dict[str, Any] = {"id": identifier, "type": SCHEMA + "Consultation"}
    if station.termin is not None:
        found["meeting"] = mint(base, "meeting", body, station.termin.isoformat())
    found["organization"] = [mint(base, "organization", body)]
    if station.rolle is not None:
        found["role"] = station.rolle
        found["authoritative"] = station.rolle == DECIDING
    extra = {
        "organizationName": body,
        "meetingDate": station.termin.isoformat() if station.termin else None,
        "invitation": station.einladung,
        "agendaItemNumber": station.top,
        "public": station.oeffentlich,
        "roleText": station.rolle_text,
        "roleSource": station.rolle_quelle,
    }
    found |= {VENDOR + name: value for name, value in extra.items() if value is not None}
    return found


class OparlReporter:
    """One Paper per line (JSON Lines); documents that could not be read are left out (the run
    names them on stderr and ends with exit code 2)."""

    def __init__(
        self,
        stream: IO[str],
        base_for: Callable[[DocumentResult], str],
        reference_of: Callable[[DocumentResult], str | None],
    ) -> None:
        self.stream = stream
        self.base_for = base_for
        self.reference_of = reference_of

    def document(self, result: DocumentResult) -> None:
        text = render(result, self.base_for(result), self.reference_of(result))
        if text is not None:
            self.stream.write(text + "\n")

    def finish(self, summary: Summary) -> None:
        self.stream.flush()


def render(
    result: DocumentResult, base: str, reference: str | None, indent: int | None = None
) -> str | None:
    found = paper(result, base, reference)
    return json.dumps(found, ensure_ascii=False, indent=indent) if found is not None else None
