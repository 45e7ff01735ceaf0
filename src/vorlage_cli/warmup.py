"""What every worker needs before its first document, made once in the worker server.

The server (``forking.PRELOAD``) imports this module before it forks any worker, so each worker
starts with the pipeline's modules imported and with what a first document builds: the shipped
lexicon, the patterns made from its words, the rules' modules loaded on first use and the
caches of the text helpers. Without it every worker built them while the run waited for its
first result (about 0.15 s), and a run started by ``vorlage check`` or ``export`` waited for
the server's imports as well.

The warm-up reads, extracts and checks a short text in the shape of a Vorlage and throws the
result away; what it leaves behind is what any document would have built. PDFium itself is not
loaded here: no worker is forked from a process that has loaded it.
"""

from __future__ import annotations

from pathlib import Path

import vorlage_cli.readers.pdf  # noqa: F401 - the PDF reader's layers (not PDFium)
from vorlage_cli.pipeline import process

_SAMPLE = """\
Stadt Musterstadt
Der Bürgermeister
Musterstadt, 03.02.2025

Drucksache-Nr.: 2025/012
Amt: Schulamt

Beschlussvorlage

Sanierung der Grundschule am Markt

Beratung in öffentlicher Sitzung

Beratungsfolge:

Schulausschuss (Vorberatung) – 10.03.2025
Rat der Stadt (Entscheidung) – 20.03.2025

Beschlussvorschlag:

Der Rat beschließt die Sanierung der Grundschule am Markt mit Kosten von 120.000 Euro.

Begründung:

Das Dach ist undicht. Die Kostenschätzung liegt als Anlage 1 bei.

Finanzielle Auswirkungen:

120.000 Euro im Haushaltsplan 2025.

Max Muster
Bürgermeister

Anlagen:

Anlage 1: Kostenschätzung
"""

process(Path("warmup.txt"), data=_SAMPLE.encode())
