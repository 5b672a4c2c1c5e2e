"""The directory, shaped like Open Referral HSDS 3.0: organizations, their locations and services, and
what a service needs (phones, schedules, languages, service areas, cost options, required documents).

Identifiers are UUIDs, as in HSDS. Records loaded from ``content/directory/`` get identifiers derived from
their slugs (``stable_id``), so that every installation publishes the same identifier for the same record.
Life domains and service attributes are the shared vocabulary's; the HSDS API publishes them as two
taxonomies (``directory.hsds``). A confidential location's address never leaves the database: the default
manager ``Location.objects`` returns public locations only; code that needs a confidential one asks for
``Location.including_confidential`` by name. Suggestions are organisation-owned (``core.scopes``).
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Collection
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField, pick
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField
from lib.phones import InvalidPhoneNumber, international, tel_target, to_e164
from vocabulary.models import Attribute, City, Country, Domain, Region

NAMESPACE = uuid.UUID("6f1d3c8e-2b7a-5e0c-9d4f-48a1b2c3d4e5")
PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()./-]{1,29}$")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
STALE_AFTER_MONTHS = 6


def stable_id(*parts: str) -> uuid.UUID:
    """The same UUID for the same record on every installation (HSDS identifiers must be stable)."""
    return uuid.uuid5(NAMESPACE, ":".join(parts))


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def validate_phone_number(value: str) -> None:
    message = _("Enter a phone number with its country code, for example +32 2 511 64 64, or a short number like 112.")
    if not PHONE_NUMBER.match(value.strip()):
        raise ValidationError(message)
    try:
        to_e164(value)
    except InvalidPhoneNumber:
        raise ValidationError(message) from None


def validate_sources(value: object) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Sources must be a list."))
    for source in value:
        if not isinstance(source, dict) or not str(source.get("title", "")).strip():
            raise ValidationError(_("Each source needs a title."))
        url = str(source.get("url", ""))
        if not url.startswith(("https://", "http://")):
            raise ValidationError(_("Each source needs a web address starting with https://."))


def validate_byday(value: str) -> None:
    days = [day for day in value.split(",") if day]
    if not days or any(day not in DAY_CODES for day in days):
        raise ValidationError(_("Choose at least one day."))


class Status(models.TextChoices):
    ACTIVE = "active", _("Open")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    INACTIVE = "inactive", _("Not offered now")
    DEFUNCT = "defunct", _("Stopped")


PUBLIC_STATUSES = (Status.ACTIVE, Status.TEMPORARILY_CLOSED)


class Listing(models.Model):
    """What an organization and a service have in common: names, sources, verification, load tracking."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    name = TranslatedField(_("name"))
    description = TranslatedField(_("description"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    sources = models.JSONField(default=list, blank=True, validators=[validate_sources])
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    # Bundled content: the digest of the file entry it was loaded from, and whether staff changed it since.
    bundle_digest = models.CharField(max_length=64, blank=True)
    edited_in_app = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self) -> str:
        return pick(self.name).text or self.slug

    def is_stale(self, today: date | None = None) -> bool:
        """Not verified in the last six months (or never)."""
        today = today or timezone.localdate()
        return self.last_verified is None or self.last_verified < months_before(today, STALE_AFTER_MONTHS)


class Organization(Listing):
    """HSDS organization: who provides services. ``owner`` is the Haven tenant whose staff keep it current."""

    owner = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_listings",
        verbose_name=_("kept current by"),
    )

    class Meta(Listing.Meta):
        pass


class LocationQuerySet(models.QuerySet["Location"]):
    def public(self) -> LocationQuerySet:
        return self.filter(confidential=False)


class PublicLocationManager(models.Manager["Location"]):
    """The default manager of locations: public places only. Related managers (``organization.locations``,
    ``service.locations``), forms and prefetches use it, so a confidential address is left out unless asked for."""

    def get_queryset(self) -> LocationQuerySet:
        return LocationQuerySet(self.model, using=self._db).filter(confidential=False)

    def public(self) -> LocationQuerySet:
        return self.get_queryset()


class Location(models.Model):
    """HSDS location (with its one address). A confidential location is never published, not even its name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="locations")
    slug = models.SlugField(max_length=80, unique=True)
    name = TranslatedField(_("name"))
    confidential = models.BooleanField(_("confidential address"), default=False)
    address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    transport = TranslatedField(_("how to get there"))

    objects = PublicLocationManager()
    # Code that needs a confidential address asks for it by name. (Foreign keys such as ``place.location`` and
    # cascading deletes use Django's plain base manager and see every row.)
    including_confidential = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug

    def validate_unique(self, exclude: Collection[str] | None = None) -> None:
        # Django checks uniqueness with the default manager, which cannot see confidential rows.
        super().validate_unique(exclude=exclude)
        taken = Location.including_confidential.filter(slug=self.slug).exclude(pk=self.pk).exists()
        if (exclude is None or "slug" not in exclude) and taken:
            raise ValidationError({"slug": self.unique_error_message(Location, ("slug",))})


class Service(Listing):
    """HSDS service. ``how_to_reach`` is HSDS application_process, ``cost`` its fees_description."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="services")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    how_to_reach = TranslatedField(_("how to reach it safely"))
    eligibility = TranslatedField(_("who it is for"))
    cost = TranslatedField(_("what it costs"))
    domains = models.ManyToManyField(Domain, blank=True, related_name="directory_services")
    attributes = models.ManyToManyField(Attribute, blank=True, related_name="directory_services")
    locations: models.ManyToManyField[Location, ServiceAtLocation] = models.ManyToManyField(
        Location, through="ServiceAtLocation", related_name="services"
    )

    class Meta(Listing.Meta):
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["updated_at"]),
            # The public list's order in each language (``selectors.sort_name``): a page is read from the index
            # instead of sorting every service.
            *[
                models.Index(
                    Lower(Coalesce(KT(f"name__{lang}"), KT("name__en"), F("slug"), output_field=models.TextField())),
                    F("slug"),
                    name=f"directory_service_name_{lang}",
                )
                for lang in ("nl", "fr", "en")
            ],
        ]

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "location"], name="directory_sal_unique")]
        ordering = ["location__slug"]

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"


class Phone(models.Model):
    """A phone number of an organization or of a service."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=40, validators=[validate_phone_number])
    description = TranslatedField(_("when and what for"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=True, service__isnull=False)
                | models.Q(organization__isnull=False, service__isnull=True),
                name="directory_phone_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        """Store the number in E.164 (a short number like 112 as it is)."""
        with contextlib.suppress(InvalidPhoneNumber):  # the field validator has already reported it
            self.number = to_e164(self.number)

    @property
    def tel(self) -> str:
        """The number for a ``tel:`` link: E.164, or the short number."""
        return tel_target(self.number)

    @property
    def display(self) -> str:
        """The number as shown: international form (+32 2 511 64 64), or the short number."""
        return international(self.number)


class Schedule(models.Model):
    """Weekly opening hours (HSDS schedule with freq=WEEKLY), for a service or one of its locations."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    byday = models.CharField(_("days"), max_length=30, validators=[validate_byday])
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    notes = TranslatedField(_("note"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "opens_at"]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    @property
    def days(self) -> list[str]:
        return [day for day in self.byday.split(",") if day]


class ServiceLanguage(models.Model):
    """A language the service is offered in (ISO 639-1 code)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(max_length=8)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "code"], name="directory_language_unique")]
        indexes = [models.Index(fields=["code"], name="directory_language_code")]  # the list's language filter
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class ServiceArea(models.Model):
    """Where a service is offered: a region, or a whole country."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="areas")
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["country__code", "region__position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(region__isnull=True, country__isnull=False)
                | models.Q(region__isnull=False, country__isnull=True),
                name="directory_area_region_or_country",
            )
        ]

    def __str__(self) -> str:
        return str(self.region or self.country)

    @property
    def code(self) -> str:
        """The area as written in content files and exports: a region slug or a country code."""
        return self.region.slug if self.region else self.country.code if self.country else ""


class CostOption(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = TranslatedField(_("conditions"))
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="EUR", blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


class RequiredDocument(models.Model):
    """What to bring, in plain words (HSDS required_document.document)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="required_documents")
    document = TranslatedField(_("what to bring"))

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return pick(self.document).text


class Suggestion(EncryptedFieldsMixin, models.Model):
    """A correction sent by anyone, without a name or contact. Only the day is kept, not the time.

    The text is free text from a visitor: encrypted at rest under the platform's data key. Not the keeping
    organisation's: a listing can change hands, and a first suggestion would make that organisation's key,
    whose creation time would tell when the suggestion came. Who reads it is decided by the access checks.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="suggestions")
    text = EncryptedTextField(_("what is wrong or missing"), max_length=2000)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="en")
    sent_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Handled by the organisation that keeps the listing (platform_scope(): listings without an owner).
    objects = ScopedManager("service__organization__owner")

    class Meta:
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return f"Suggestion {self.pk} for {self.service_id}"

    def encryption_scope(self) -> str:
        return "platform"
