"""The safety and privacy checklist: fixed items, each linked to a page that explains it.

``knowledge`` is the slug of a bundled knowledge item (a folder in content/knowledge/<topic>/); a test checks
that each one exists. ``page`` is a named URL of Haven itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language


@dataclass(frozen=True)
class Item:
    slug: str
    label: Promise
    knowledge: str = ""
    page: str = ""

    def url(self) -> str:
        if self.knowledge:
            return f"/{current_language()}/knowledge/{self.knowledge}/"
        if self.page:
            return reverse(self.page)
        return ""


ITEMS: tuple[Item, ...] = (
    Item("emergency-numbers", _("I know which numbers to call in an emergency."), knowledge="emergency-numbers"),
    Item(
        "browse-safely",
        _("I know how to use Haven safely on a shared phone or computer."),
        page="core:browse-safely",
    ),
    Item("passphrase", _("My passphrase is one that nobody can guess, and my recovery code is somewhere safe.")),
    Item("check-in", _("Someone I trust knows when and where I work, and when to worry."), page="plans:network"),
    Item("documents", _("Copies of my important papers are kept somewhere safe.")),
    Item("rights", _("I know my rights as a sex worker in Belgium."), knowledge="sex-work-decriminalised-belgium"),
    Item("self-employed", _("I know what working as self-employed means."), knowledge="working-self-employed"),
    Item(
        "exploitation",
        _("I know the signs of exploitation and where to get help."),
        knowledge="signs-of-exploitation",
    ),
    Item(
        "sexual-violence",
        _("I know where to get care after sexual violence."),
        knowledge="sexual-assault-care-centres",
    ),
    Item("sti-test", _("I know where to get a free, anonymous STI test."), knowledge="free-anonymous-sti-test"),
    Item(
        "care-without-papers",
        _("I know that I can get medical care without papers."),
        knowledge="urgent-medical-assistance",
    ),
    Item(
        "medical-help", _("I know asking for medical help does not mean the police."), knowledge="does-cpas-call-police"
    ),
)

ITEM_BY_SLUG = {item.slug: item for item in ITEMS}
