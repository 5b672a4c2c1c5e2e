"""Test helpers: make a plan through the pages, as a person would, and read what is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.test import Client

from plans import services
from plans.models import Space
from plans.selectors import part_read

PSEUDONYM = "Blue Heron"
PASSPHRASE = "lamp river seven tulips"
BASE = "/en/plan/"
CODE = re.compile(r"<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4})+)</code>")


@dataclass
class PlanClient:
    client: Client
    recovery_code: str
    pseudonym: str
    passphrase: str

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(BASE + path, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.client.post(BASE + path, data or {}, **kwargs)

    def space(self) -> Space:
        unlocked = services.space_unlock(pseudonym=self.pseudonym, passphrase=self.passphrase)
        assert unlocked is not None
        return unlocked.space

    def read(self, kind: str) -> Any:
        unlocked = services.space_unlock(pseudonym=self.pseudonym, passphrase=self.passphrase)
        assert unlocked is not None
        return part_read(space=unlocked.space, key=unlocked.key, kind=kind)


def code_in(html: str) -> str:
    """The code shown on a page, its groups' markup taken away."""
    match = CODE.search(re.sub(r"</?span[^>]*>|<wbr>", "", html))
    assert match, "no code on the page"
    return match.group(1)


def make_plan(client: Client, *, pseudonym: str = PSEUDONYM, passphrase: str = PASSPHRASE) -> PlanClient:
    response = client.post(
        BASE + "new/",
        {"pseudonym": pseudonym, "passphrase": passphrase, "passphrase2": passphrase, "understood": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == BASE + "new/recovery-code/"
    code = code_in(client.get(BASE + "new/recovery-code/").content.decode())
    assert client.post(BASE + "new/recovery-code/").status_code == 302
    return PlanClient(client=client, recovery_code=code, pseudonym=pseudonym, passphrase=passphrase)


def sign_in(client: Client, pseudonym: str = PSEUDONYM, passphrase: str = PASSPHRASE) -> Any:
    return client.post(BASE + "sign-in/", {"pseudonym": pseudonym, "passphrase": passphrase})
