"""The plan as a PDF: A4 pages of wrapped text, with every character the person wrote.

fpdf2 embeds (a subset of) TrueType fonts with Unicode mappings, so the text can be read, searched and
copied in any script the fonts cover: DejaVu Sans (Latin, with Romanian's ș and ț, Cyrillic, Greek and
symbols; Debian's ``fonts-dejavu-core``), then, for what DejaVu lacks, TLWG Loma (Thai;
``fonts-tlwg-loma-ttf``) and Droid Sans Fallback (Chinese and Japanese; ``fonts-droid-fallback``).
``make system-deps`` installs them; the system check ``plans.E001`` fails without them. Scripts that need
shaping (Arabic, Devanagari) come out as separate letters; a character no font has (Korean) is left out; the JSON
export keeps everything.

The file's creation date is the day only (midnight), like the "Exported on" line: no time of day.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time
from pathlib import Path

from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from plans.outline import Section

FONTS_DIR = Path("/usr/share/fonts/truetype")
FONTS = {
    ("Haven", ""): FONTS_DIR / "dejavu" / "DejaVuSans.ttf",
    ("Haven", "B"): FONTS_DIR / "dejavu" / "DejaVuSans-Bold.ttf",
    ("HavenThai", ""): FONTS_DIR / "tlwg" / "Loma.ttf",
    ("HavenThai", "B"): FONTS_DIR / "tlwg" / "Loma-Bold.ttf",
    ("HavenCJK", ""): FONTS_DIR / "droid" / "DroidSansFallbackFull.ttf",
}
FALLBACKS = ["HavenThai", "HavenCJK"]
CJK_START = 0x2E80  # CJK radicals; everything the CJK font adds lies above
THAI = (0x0E00, 0x0E7F)
FONT_PACKAGES = "fonts-dejavu-core fonts-tlwg-loma-ttf fonts-droid-fallback"
MARGIN = 56  # points
BODY, HEADING, TITLE, FOOTER = 10.5, 14.0, 18.0, 8.0
LEADING = 1.4

# fpdf2 reports each glyph no font has, and fontTools each subsetting step: neither is news for the log.
logging.getLogger("fpdf.output").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def missing_fonts() -> list[Path]:
    return [path for path in FONTS.values() if not path.is_file()]


class _PlanPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-MARGIN / 2 - FOOTER)
        self.set_font("Haven", "", FOOTER)
        self.cell(0, FOOTER, f"{self.page_no()}/{{nb}}", align=Align.R)


def _family(text: str, families: list[str]) -> str:
    """The font most of the text is in: fpdf2 is quick with the main font and slow letter by letter in a fallback."""
    thai = sum(1 for char in text if THAI[0] <= ord(char) <= THAI[1])
    cjk = sum(1 for char in text if ord(char) >= CJK_START) if "HavenCJK" in families else 0
    latin = sum(1 for char in text if char.isalpha()) - thai - cjk
    counts = {"Haven": latin, "HavenThai": thai, "HavenCJK": cjk}
    return max(families, key=lambda family: counts[family])


def _paragraph(pdf: FPDF, text: str, size: float, *, bold: bool = False, space_before: float = 0.0) -> None:
    if space_before:
        pdf.ln(space_before)
    families: list[str] = pdf.families  # type: ignore[attr-defined]
    family = _family(text, families)
    pdf.set_fallback_fonts([other for other in families if other != family], exact_match=False)
    pdf.set_font(family, "B" if bold and (family, "B") in FONTS else "", size)
    pdf.multi_cell(0, size * LEADING, text or " ", align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render(title: str, intro: list[str], sections: list[Section]) -> bytes:
    pdf = _PlanPDF(orientation="portrait", unit="pt", format="A4")
    pdf.set_creation_date(datetime.combine(timezone.localdate(), time(0), tzinfo=UTC))  # the day, as the text says
    pdf.set_title(title)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    texts = [title, *intro] + [t for s in sections for e in s.entries for t in (s.title, e.label, e.text)]
    wide = any(ord(char) >= CJK_START for text in texts for char in text)
    fonts = {key: path for key, path in FONTS.items() if wide or key[0] != "HavenCJK"}  # 4 MB: read only if needed
    for (family, style), path in fonts.items():
        pdf.add_font(family, style, str(path))
    pdf.families = ["Haven", *(name for name in FALLBACKS if (name, "") in fonts)]  # type: ignore[attr-defined]
    pdf.add_page()
    _paragraph(pdf, title, TITLE, bold=True)
    for text in intro:
        _paragraph(pdf, text, BODY)
    for section in sections:
        _paragraph(pdf, section.title, HEADING, bold=True, space_before=HEADING)
        for entry in section.entries:
            _paragraph(pdf, entry.label, BODY, bold=True, space_before=BODY / 2)
            if entry.text:
                _paragraph(pdf, entry.text, BODY)
    return bytes(pdf.output())
