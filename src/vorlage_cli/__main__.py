"""Allow ``python -m vorlage_cli``."""

from vorlage_cli.launch import main

if __name__ == "__main__":
    # Guarded: worker processes import the main module again and must not run the command.
    main()
