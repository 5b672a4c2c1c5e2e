"""Uploaded files, checked and cleaned before anything keeps them.

A photo can give away where and when it was taken and with which phone (EXIF, GPS, XMP, maker notes); a PDF can
name its author and the software that made it. `clean_upload` accepts only the kinds asked for, judged by the
content rather than the name or the browser's word, and returns new bytes with none of that metadata:

- images (JPEG, PNG, WebP) are decoded and encoded again from their pixels, turned upright first (the
  orientation tag goes with the rest), so no metadata block survives;
- PDFs are rewritten page by page into a new document with an empty information dictionary, no XMP stream,
  no JavaScript, attachments or form actions.

Anything that cannot be read is refused with a message that says what to do. Sizes are checked before
decoding and pixel counts before decompressing, so a small file cannot expand into a huge one.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"
PDF = "application/pdf"
IMAGES = frozenset({JPEG, PNG, WEBP})
DOCUMENTS = IMAGES | {PDF}

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 7,700 x 5,200: larger than any phone photo, far below a decompression bomb
MAX_PDF_PAGES = 200

_EXTENSIONS = {JPEG: "jpg", PNG: "png", WEBP: "webp", PDF: "pdf"}
_PIL_FORMATS = {"JPEG": JPEG, "PNG": PNG, "WEBP": WEBP}
_KIND_NAMES = {JPEG: "JPEG", PNG: "PNG", WEBP: "WebP", PDF: "PDF"}


class UploadError(ValidationError):
    """A file we will not keep; the message is meant for the person who sent it."""


@dataclass(frozen=True)
class CleanUpload:
    data: bytes
    content_type: str
    extension: str

    @property
    def size(self) -> int:
        return len(self.data)


def _kinds_text(kinds: frozenset[str]) -> str:
    return ", ".join(sorted(_KIND_NAMES[kind] for kind in kinds))


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.lstrip()[:5] == b"%PDF-":
        return PDF
    return None


def _read_limited(upload: UploadedFile, max_bytes: int) -> bytes:
    if upload.size is not None and upload.size > max_bytes:
        raise UploadError(
            _("This file is too large (%(size)s). The limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadError(
            _("This file is too large. The limit is %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(max_bytes)},
        )
    if not data:
        raise UploadError(_("This file is empty. Choose the file again."), code="empty")
    return data


def _clean_image(data: bytes, kind: str) -> bytes:
    unreadable = UploadError(
        _("This picture could not be read. It may be damaged; try another copy or a screenshot."), code="unreadable"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if _PIL_FORMATS.get(probe.format or "") != kind:
                    raise unreadable
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise UploadError(
                        _("This picture has too many pixels. Make it smaller and try again."), code="too_many_pixels"
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image)
    except UploadError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as exc:
        raise unreadable from exc
    # Only the pixels travel to the new image: no EXIF, GPS, XMP, ICC profile, comment or text chunk.
    mode = "RGBA" if upright.mode in ("RGBA", "LA", "P", "PA") and kind != JPEG else "RGB"
    pixels = upright.convert(mode)
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    if kind == JPEG:
        clean.save(out, format="JPEG", quality=88, optimize=True)
    elif kind == PNG:
        clean.save(out, format="PNG", optimize=True)
    else:
        clean.save(out, format="WEBP", quality=88)
    return out.getvalue()


def _clean_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError
    from pypdf.generic import NameObject

    unreadable = UploadError(
        _("This PDF could not be read. It may be damaged or protected by a password; save it again and retry."),
        code="unreadable",
    )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise unreadable
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UploadError(
                _("This PDF has more than %(pages)d pages. Send the pages that matter."),
                code="too_many_pages",
                params={"pages": MAX_PDF_PAGES},
            )
        writer = PdfWriter()
        for page in reader.pages:
            for key in ("/Metadata", "/AA", "/PieceInfo", "/Annots"):
                if key in page:
                    del page[NameObject(key)]
            writer.add_page(page)
        writer.metadata = None  # no information dictionary at all: no author, creator, producer or dates
        out = io.BytesIO()
        writer.write(out)
    except UploadError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise unreadable from exc
    return out.getvalue()


def clean_upload(
    upload: UploadedFile, *, kinds: frozenset[str] = IMAGES, max_bytes: int = DEFAULT_MAX_BYTES
) -> CleanUpload:
    """The upload's content without metadata, or `UploadError` with a message for the sender."""
    data = _read_limited(upload, max_bytes)
    kind = _sniff(data[:16])
    if kind is None or kind not in kinds:
        raise UploadError(
            _("This kind of file is not accepted. Accepted: %(kinds)s."),
            code="kind",
            params={"kinds": _kinds_text(kinds)},
        )
    cleaned = _clean_pdf(data) if kind == PDF else _clean_image(data, kind)
    return CleanUpload(data=cleaned, content_type=kind, extension=_EXTENSIONS[kind])
