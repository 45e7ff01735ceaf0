"""Builders for hostile and broken input files, made in the tests rather than committed.

Each builder writes the structure by hand (PDF objects, ZIP members, WordprocessingML) so that a
test can put exactly the defect it is about into an otherwise valid file: an encrypted PDF, a
thousand pages, deeply nested form objects, a DTD in a DOCX part, a compressed bomb.
"""

from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO

_PASSWORD_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
_DOCUMENT_ID = bytes.fromhex("00112233445566778899aabbccddeeff")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + _PASSWORD_PAD)[:32]


class _Rc4Encryption:
    """The PDF standard security handler, revision 2 (RC4, 40-bit key): the simplest encryption
    every reader supports, enough to make a PDF that opens only with its password."""

    permissions = -4

    def __init__(self, user_password: str, owner_password: str = "owner") -> None:
        owner_key = hashlib.md5(_pad(owner_password)).digest()[:5]
        self.owner_entry = _rc4(owner_key, _pad(user_password))
        self.key = hashlib.md5(
            _pad(user_password)
            + self.owner_entry
            + self.permissions.to_bytes(4, "little", signed=True)
            + _DOCUMENT_ID
        ).digest()[:5]
        self.user_entry = _rc4(self.key, _PASSWORD_PAD)

    def dictionary(self) -> bytes:
        return b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            self.owner_entry.hex().encode(),
            self.user_entry.hex().encode(),
            self.permissions,
        )

    def stream(self, number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(
            self.key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")
        ).digest()[:10]
        return _rc4(object_key, data)


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def _page_content(lines: list[str], drawing: bytes) -> bytes:
    shown = b" T* ".join(_pdf_string(line) + b" Tj" for line in lines)
    text = b"BT /F1 11 Tf 14 TL 72 770 Td " + shown + b" ET" if lines else b""
    return drawing + b"\n" + text


def make_pdf(
    pages: list[list[str] | bytes],
    *,
    password: str | None = None,
    drawing: bytes = b"",
    xobject: int | None = None,
    extra_objects: dict[int, bytes] | None = None,
    page_extra: bytes = b"",
) -> bytes:
    """A PDF whose pages show the given lines in Helvetica, one text line each (a page given
    as bytes is its content stream as it is, with Helvetica as ``/F1``).

    ``password`` encrypts it for that user password. ``drawing`` is content drawn on every
    page before the text, with ``/X0`` naming object ``xobject`` where given; ``extra_objects``
    adds objects by number (from 10 on) and ``page_extra`` adds entries to every page
    dictionary."""
    encryption = _Rc4Encryption(password) if password is not None else None
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    resources = b"<< /Font << /F1 3 0 R >> %s>>" % (
        b"/XObject << /X0 %d 0 R >> " % xobject if xobject is not None else b""
    )
    kids = []
    number = max([9, *(extra_objects or {})]) + 1
    for lines in pages:
        content = lines if isinstance(lines, bytes) else _page_content(lines, drawing)
        if encryption is not None:
            content = encryption.stream(number + 1, content)
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s "
            b"/Contents %d 0 R %s>>" % (resources, number + 1, page_extra)
        )
        objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
        kids.append(b"%d 0 R" % number)
        number += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objects.update(extra_objects or {})
    if encryption is not None:
        objects[number] = encryption.dictionary()
    return _serialise(objects, encrypt=number if encryption is not None else None)


def _serialise(objects: dict[int, bytes], encrypt: int | None) -> bytes:
    out = BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):
        if number in offsets:
            out.write(b"%010d 00000 n \n" % offsets[number])
        else:
            out.write(b"0000000000 65535 f \n")
    encrypt_entry = b" /Encrypt %d 0 R" % encrypt if encrypt is not None else b""
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (size, _DOCUMENT_ID.hex().encode(), _DOCUMENT_ID.hex().encode(), encrypt_entry, xref)
    )
    return out.getvalue()


def _form(number: int, content: bytes, inner: int | None) -> bytes:
    resources = b"<< /XObject << /X0 %d 0 R >> >>" % inner if inner is not None else b"<< >>"
    return (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources %s /Length %d >>"
        b"\nstream\n%s\nendstream" % (resources, len(content), content)
    )


def nested_forms_pdf(depth: int) -> bytes:
    """One page drawing a form XObject that draws the next, ``depth`` levels deep, the
    innermost holding a ruled line: deep object nesting that a reader must not recurse into
    without bound."""
    objects = {10 + level: _form(10 + level, b"/X0 Do", 11 + level) for level in range(depth - 1)}
    objects[9 + depth] = _form(9 + depth, b"0 0 m 100 0 l S", None)
    return make_pdf(
        [["Betreff: tief verschachtelt"]], drawing=b"q /X0 Do Q", xobject=10, extra_objects=objects
    )


def cyclic_form_pdf() -> bytes:
    """A form XObject that draws itself."""
    return make_pdf(
        [["Betreff: Zyklus"]],
        drawing=b"q /X0 Do Q",
        xobject=10,
        extra_objects={10: _form(10, b"/X0 Do", 10)},
    )


def nested_array_pdf(depth: int) -> bytes:
    """A PDF whose page dictionary carries an array nested ``depth`` levels deep."""
    return make_pdf(
        [["Betreff: Arrays"]], page_extra=b"/Junk " + b"[" * depth + b"]" * depth + b" "
    )


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Pages>1</Pages></Properties>"
)


def document_xml(paragraphs: list[str], prolog: str = "") -> str:
    """WordprocessingML for a body of plain paragraphs; ``prolog`` goes before the root."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def make_docx(
    document: str | bytes,
    *,
    app: str | bytes = APP_XML,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal DOCX package around the given document.xml (and docProps/app.xml)."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("word/document.xml", document)
        package.writestr("docProps/app.xml", app)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return out.getvalue()


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
"""A DTD whose entity ``&lol9;`` expands to 10⁹ "lol"s."""


def xxe_prolog(target: str) -> str:
    """A DTD declaring ``&xxe;`` as the content of an external file."""
    return f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{target}">]>'


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
)


def content_xml(body: str, prolog: str = "", styles: str = "") -> str:
    """OpenDocument content.xml whose office:text holds ``body``; ``styles`` go into its
    automatic styles, ``prolog`` before the root."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f"<office:document-content {ODF_NAMESPACES}>"
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def styles_xml(master_page: str = "", styles: str = "") -> str:
    """OpenDocument styles.xml with one master page holding ``master_page`` (its header and
    footer elements)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}>'
        f"<office:styles>{styles}</office:styles><office:master-styles>"
        f'<style:master-page style:name="Standard">{master_page}</style:master-page>'
        "</office:master-styles></office:document-styles>"
    )


def make_odt(
    content: str | bytes,
    *,
    styles: str | bytes | None = None,
    mimetype: bytes = b"application/vnd.oasis.opendocument.text",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal ODT package: the ``mimetype`` first and stored, as OpenDocument requires."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        package.writestr("content.xml", content)
        if styles is not None:
            package.writestr("styles.xml", styles)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return out.getvalue()
