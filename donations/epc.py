"""The EPC069-12 ("SEPA credit transfer") QR code that Belgian and Dutch banking apps scan, made on the server.

``segno.helpers.make_epc_qr`` writes the payload (service tag BCD, version 002, UTF-8, SCT, BIC, name, IBAN,
amount, purpose, reference or text) and checks the standard's limits; we hand it validated values only.
"""

from __future__ import annotations

from decimal import Decimal

import segno
from segno import helpers

MIN_AMOUNT = Decimal("1.00")
MAX_AMOUNT = Decimal("100000.00")  # EPC allows up to 999,999,999.99; a gift page needs far less


def epc_qr(*, holder: str, iban: str, bic: str, amount: Decimal, text: str) -> segno.QRCode:
    return helpers.make_epc_qr(
        name=holder,
        iban=iban,
        amount=amount,
        text=text or None,
        bic=bic or None,
        encoding="utf-8",
    )


def epc_svg(**kwargs: object) -> str:
    """The QR code as an inline SVG element (no XML declaration, no script), dark on white, with a title."""
    qr = epc_qr(**kwargs)  # type: ignore[arg-type]
    return str(qr.svg_inline(scale=5, border=4, dark="#000", light="#fff", omitsize=True, title="EPC QR"))
