"""The one exception readers raise for input they cannot read."""

from vorlage_cli import codes


class ReadError(Exception):
    """An input that cannot be read as a Vorlage. The message is one line in German that names
    the problem (the caller adds the file name); ``code`` is the finding code it is reported as."""

    def __init__(self, message: str, code: str = codes.UNREADABLE_CONTENT) -> None:
        super().__init__(message)
        self.code = code
