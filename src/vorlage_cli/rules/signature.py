"""The signature: who takes responsibility for the Vorlage."""

from __future__ import annotations

from collections.abc import Iterator

from vorlage_cli.evidence import Evidence
from vorlage_cli.model import Vorlage
from vorlage_cli.rules import Hit, RuleOptions, rule
from vorlage_cli.rules.options import FLAG, Option

SIGNATURE_REQUIRED: Option[bool] = Option(
    "signature-required",
    FLAG,
    False,
    "The council's template always has a signature block: an unsigned Vorlage is reported "
    "even where the extractor found no place for a signature.",
    example="true",
)


@rule(
    "SIG001",
    "unterschrift-fehlt",
    "warning",
    "Unterschrift fehlt",
    options=(SIGNATURE_REQUIRED,),
)
def signature_missing(vorlage: Vorlage, evidence: Evidence, options: RuleOptions) -> Iterator[Hit]:
    """Where the template has a signature block, a Vorlage leaves the administration signed by
    the mayor or a deputy ("i.V. Dr. Christian Klicki, Beigeordneter"). A block with a function
    but no name, a template the extractor recognised as having a signature block, or
    ``signature-required = true`` in the configuration make a missing signature a finding;
    templates without a signature block (many RIS pages) are not judged."""
    signed = vorlage.unterzeichnung
    if signed is not None and signed.name:
        return
    if signed is not None:
        role = " ".join(part for part in (signed.vertretung, signed.funktion) if part)
        yield Hit(
            f"Der Unterschriftsblock ({role}) nennt keinen Namen",
            "unterzeichnung",
            signed.funktion or signed.vertretung,
        )
    elif evidence.signature_block or options[SIGNATURE_REQUIRED]:
        yield Hit("Die Vorlage ist nicht unterzeichnet", "unterzeichnung")
