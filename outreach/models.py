"""Anonymous tallies of fieldwork, offline (streets, windows, clubs) and online (advertising sites, apps).

A tally counts; it never names. It holds where the work happened (a region and city, or a kind of online
platform), the day, how many people were reached, what was handed out and which life domains people asked
about. There is no free-text field on purpose: nothing typed here can hold a name or a description of a person.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.scopes import ScopedManager
from vocabulary.models import City, Domain, Region


class Setting(models.TextChoices):
    OFFLINE = "offline", _("Out in the field")
    ONLINE = "online", _("Online")


class Platform(models.TextChoices):
    ADVERTISING = "advertising-site", _("Advertising site")
    SOCIAL_MEDIA = "social-media", _("Social media")
    MESSAGING = "messaging-app", _("Messaging app")
    WEBCAM = "webcam-platform", _("Webcam or content platform")
    DATING = "dating-app", _("Dating app")
    OTHER = "other", _("Other online place")


class Item(models.TextChoices):
    CONDOMS = "condoms", _("Condoms")
    LUBRICANT = "lubricant", _("Lubricant")
    LEAFLETS = "leaflets", _("Leaflets and information")
    CONTACT_CARDS = "contact-cards", _("Contact cards")
    HYGIENE = "hygiene", _("Hygiene products")
    FOOD_DRINK = "food-drink", _("Food or drinks")
    OTHER = "other", _("Something else")


MAX_CONTACTS = 2000


class Tally(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("day"))
    setting = models.CharField(_("where"), max_length=10, choices=Setting.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    city = models.ForeignKey(City, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    platform = models.CharField(_("online place"), max_length=20, choices=Platform.choices, blank=True)
    contacts = models.PositiveIntegerField(_("people reached"))
    handed_out = models.JSONField(_("handed out"), default=list, blank=True)  # Item values
    topics = models.ManyToManyField(Domain, blank=True, related_name="+", verbose_name=_("asked about"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["organisation", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(setting="online", platform__gt="")
                | models.Q(setting="offline", platform="", region__isnull=False),
                name="outreach_tally_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.setting} {self.contacts}"

    @property
    def place_label(self) -> str:
        if self.setting == Setting.ONLINE:
            return str(self.get_platform_display())
        return str(self.city or self.region or "")

    def handed_out_labels(self) -> list[str]:
        labels = dict(Item.choices)
        return [str(labels[value]) for value in self.handed_out if value in labels]
