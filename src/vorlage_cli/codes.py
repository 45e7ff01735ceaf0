"""The finding codes that readers, the pipeline and the runner report for a file they could not
read or finish, as named constants.

Rules carry their codes where they are registered; these codes are raised from many places, so
each is spelt once here. Their names, default severities and explanations are in the catalogue
(``rules/catalogue.py``); this module stays free of imports so that every reader can use it.
"""

from __future__ import annotations

UNREADABLE_CONTENT = "RD001"
"""The content is no document the tool reads, or it is damaged beyond reading."""
CANNOT_OPEN = "RD002"
"""Missing, a folder, a pipe or device, no permission, a dangling link."""
EMPTY = "RD003"
SCANNED_PDF = "RD004"
"""A PDF without a text layer."""
ENCRYPTED_PDF = "RD005"
OVER_LIMIT = "RD006"
"""Larger than a limit that protects the machine (file size, unpacked size, package members)."""
TRUNCATED = "RD007"
"""Longer than a limit on the document (pages, lines): its beginning was read."""
REFUSED = "RD008"
"""Refused for safety: a DTD in an XML package, a link out of a scanned folder."""
DAMAGED_PAGE = "RD009"
EXTENSION_MISMATCH = "RD010"
TIME_LIMIT = "RD020"
WORKER_DIED = "RD021"
INTERNAL_ERROR = "RD022"
"""An exception nobody anticipated: a bug (see ``internal.py``)."""
