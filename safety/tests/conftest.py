"""Fixtures for the safety tests: two organisations with report desks and a moderator each."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from django.test import Client
from PIL import Image

from accounts.models import Organisation, Role, User
from accounts.testing import MembershipFactory, Trio, UserFactory, make_trio
from safety.models import Desk


@dataclass
class Setup:
    trio: Trio
    mona: User  # moderator of A
    molly: User  # moderator of B

    @property
    def org_a(self) -> Organisation:
        return self.trio.org_a

    @property
    def org_b(self) -> Organisation:
        return self.trio.org_b


@pytest.fixture
def desks(db: None) -> Setup:
    trio = make_trio()
    mona = UserFactory(email="mona@example.org", name="Mona")
    molly = UserFactory(email="molly@example.org", name="Molly")
    MembershipFactory(user=mona, organisation=trio.org_a, role=Role.MODERATOR)
    MembershipFactory(user=molly, organisation=trio.org_b, role=Role.MODERATOR)
    Desk.objects.create(organisation=trio.org_a, country="BE", regions=["brussels"])
    Desk.objects.create(organisation=trio.org_b, country="BE", regions=["flanders", "wallonia"])
    return Setup(trio, mona, molly)


def report_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "receiver": "any",
        "kind": "violence",
        "happened_on": "",
        "region": "brussels",
        "city": "",
        "place": "",
        "what_happened": "He pushed me against the wall and took my phone.",
        "appearance": "",
        "phone": "",
        "car": "",
        "plate": "",
        "handle": "",
        "contact": "",
    }
    data.update(overrides)
    return data


def jpeg_with_gps() -> bytes:
    """A small JPEG whose EXIF names a camera and a GPS position."""
    image = Image.new("RGB", (32, 24), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "ZqCameraMaker"  # Make
    exif[0x0110] = "ZqModel"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (50.0, 50.0, 30.0)
    gps[3] = "E"
    gps[4] = (4.0, 21.0, 10.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def submit(client: Client, **overrides: object) -> str:
    """Send a report; return its reply code."""
    import re

    response = client.post("/en/safety/report/", report_data(**overrides))
    assert response.status_code == 200, response.content.decode()[:3000]
    found = re.search(r"data-reply-code>([A-Z0-9-]+)<", response.content.decode())
    assert found, response.content.decode()[:3000]
    return found.group(1)
