"""Allow ``python -m vorlage_cli``."""

from vorlage_cli.cli import main

main()
