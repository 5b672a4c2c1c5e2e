"""The public donation page: bank details, and an EPC069-12 QR code that a banking app reads as the right transfer."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from django.test import Client
from PIL import Image

from donations.epc import epc_qr

pytestmark = pytest.mark.django_db


def decode(qr) -> str:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=4, border=4)
    buffer.seek(0)
    found = zxingcpp.read_barcodes(Image.open(buffer))
    assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
    return found[0].text


def test_the_qr_code_decodes_to_every_epc069_12_field():
    from decimal import Decimal

    text = decode(
        epc_qr(holder="Organisation Ä", iban="BE68539007547034", bic="GKCCBEBB", amount=Decimal("12.50"), text="Gift")
    )
    fields = text.split("\n")
    assert fields[0] == "BCD"  # service tag
    assert fields[1] == "002"  # version
    assert fields[2] == "1"  # character set: UTF-8
    assert fields[3] == "SCT"  # identification: SEPA credit transfer
    assert fields[4] == "GKCCBEBB"  # BIC
    assert fields[5] == "Organisation Ä"  # beneficiary name (at most 70 characters)
    assert fields[6] == "BE68539007547034"  # beneficiary account
    assert fields[7] == "EUR12.5"  # amount: EUR, 0.01 to 999999999.99, no trailing zero needed
    assert fields[8] == ""  # purpose (none)
    assert fields[9] == ""  # structured reference (none, since there is a text)
    assert fields[10] == "Gift"  # unstructured remittance text
    assert len(fields) == 11 and len(text.encode()) <= 331


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_page_shows_the_bank_details_and_an_inline_svg_for_a_chosen_amount(client: Client, account, lang):
    response = client.get(f"/{lang}/donate/org-a/", {"amount": "25"})
    assert response.status_code == 200 and not response.cookies
    html = response.content.decode()
    assert "BE68 5390 0754 7034" in html
    assert re.search(r"<svg[^>]*>.*<path", html, re.S)
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert len(response.content) < 50_000


def test_the_amount_may_use_a_decimal_comma(client: Client, account):
    response = client.get("/nl/donate/org-a/", {"amount": "12,50"})
    assert response.context["amount"] is not None and str(response.context["amount"]) == "12.50"


@pytest.mark.parametrize("amount", ["0", "-5", "abc", "1e9", "100000.01", "12.345", "", "NaN", "Infinity"])
def test_a_bad_amount_gives_a_clear_error_and_no_qr_code(client: Client, account, amount):
    response = client.get("/en/donate/org-a/", {"amount": amount})
    assert response.status_code == 200
    assert response.context["qr"] is None
    assert b"errorlist" in response.content


def test_without_an_amount_there_is_no_qr_code_yet(client: Client, account):
    response = client.get("/en/donate/org-a/")
    assert response.status_code == 200 and response.context["qr"] is None


def test_demo_details_are_marked_as_made_up(client: Client, account):
    assert b"made up" not in client.get("/en/donate/org-a/").content
    account.is_demo = True
    account.save()
    assert b"Demonstration: these bank details are made up." in client.get("/en/donate/org-a/").content


def test_no_page_without_published_bank_details(client: Client, trio, account):
    assert client.get("/en/donate/org-b/").status_code == 404
    account.is_published = False
    account.save()
    assert client.get("/en/donate/org-a/").status_code == 404
