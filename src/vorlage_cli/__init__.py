"""vorlage: read German council submissions (Vorlagen), extract their fields and check them."""

__version__ = "0.1.0"
