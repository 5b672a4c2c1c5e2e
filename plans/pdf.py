"""A minimal PDF writer for the plan export: A4 pages of wrapped text, no dependency.

Uses the standard Helvetica fonts with WinAnsi encoding (Latin letters with accents, the euro sign);
a character outside it is replaced. Streams are not compressed, so the file stays simple to check.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from plans.outline import Section

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
BODY, HEADING, TITLE = 10.5, 14.0, 18.0
LEADING = 1.4
# Helvetica's average width is about half the size; 0.55 keeps wide letters inside the margin.
CHARS_PER_LINE = int((PAGE_W - 2 * MARGIN) / (0.55 * BODY))
REPLACEMENTS = {"✓": "[x]", "○": "[ ]", "\u00a0": " ", "\u202f": " ", "\u2009": " "}


@dataclass
class Line:
    text: str
    size: float
    bold: bool = False
    space_before: float = 0.0


def _encode(text: str) -> bytes:
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, new)
    raw = text.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for byte in raw:
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += f"\\{byte:03o}".encode()
    return bytes(out + b")")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width=width, break_long_words=True, break_on_hyphens=False) or [""]
    return lines


def lines_for(title: str, intro: list[str], sections: list[Section]) -> list[Line]:
    lines = [Line(text, TITLE, bold=True) for text in _wrap(title, int(CHARS_PER_LINE * BODY / TITLE))]
    for paragraph in intro:
        lines += [Line(text, BODY) for text in _wrap(paragraph, CHARS_PER_LINE)]
    for section in sections:
        wrapped = _wrap(section.title, int(CHARS_PER_LINE * BODY / HEADING))
        lines += [
            Line(text, HEADING, bold=True, space_before=HEADING if i == 0 else 0) for i, text in enumerate(wrapped)
        ]
        for entry in section.entries:
            label_lines = _wrap(entry.label, CHARS_PER_LINE)
            lines += [
                Line(text, BODY, bold=True, space_before=BODY / 2 if i == 0 else 0)
                for i, text in enumerate(label_lines)
            ]
            if entry.text:
                lines += [Line(text, BODY) for text in _wrap(entry.text, CHARS_PER_LINE)]
    return lines


def _pages(lines: list[Line]) -> list[list[tuple[Line, float]]]:
    pages: list[list[tuple[Line, float]]] = [[]]
    y = float(PAGE_H - MARGIN)
    for line in lines:
        step = line.size * LEADING + line.space_before
        if y - step < MARGIN and pages[-1]:
            pages.append([])
            y = float(PAGE_H - MARGIN)
            step = line.size * LEADING
        y -= step
        pages[-1].append((line, y))
    return pages


def _content(page: list[tuple[Line, float]], number: int, total: int) -> bytes:
    ops = [b"BT"]
    for line, y in page:
        font = b"/F2" if line.bold else b"/F1"
        ops.append(font + f" {line.size:g} Tf 1 0 0 1 {MARGIN} {y:.2f} Tm ".encode() + _encode(line.text) + b" Tj")
    ops.append(
        f"/F1 8 Tf 1 0 0 1 {PAGE_W - MARGIN - 30} {MARGIN / 2:.0f} Tm ".encode() + _encode(f"{number}/{total}") + b" Tj"
    )
    ops.append(b"ET")
    return b"\n".join(ops)


def render(title: str, intro: list[str], sections: list[Section]) -> bytes:
    pages = _pages(lines_for(title, intro, sections))
    objects: list[bytes] = []  # object n is objects[n - 1]
    page_ids = [5 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    for number, page in enumerate(pages, start=1):
        content = _content(page, number, len(pages))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {page_ids[number - 1] + 1} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
