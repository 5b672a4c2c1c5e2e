"""Case management: clients, their consent, intake, assessments, plans, contacts, documents, referrals,
follow-up after closure, and a record of each purge.

Every row belongs to one organisation (``organisation``, scoped by ``core.scopes``); everything a worker or
a person wrote is an ``EncryptedTextField`` under that organisation's data key. In clear: dates, statuses,
vocabulary slugs (sub-branch, contact route, life domain, outcome), durations and who is assigned.
A client is pseudonymous: a reference the organisation gives and an encrypted working name; identity and
contact fields are optional, encrypted, and shown only after re-authentication.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.i18n import TranslatedField, pick
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField
from directory.models import Service
from plans.models import Share
from vocabulary.models import City, Domain, Region

# --- Shared vocabulary (../shared/taxonomy.md, "Case vocabulary") ------------------------------


class SubBranch(models.TextChoices):
    WINDOW = "window", _("Window")
    ESCORT_INDEPENDENT = "escort-independent", _("Escort, independent")
    ESCORT_AGENCY = "escort-agency", _("Escort, through an agency")
    STREET = "street", _("Street")
    HOME_BASED = "home-based", _("Home-based")
    CLUB = "club-or-private-house", _("Club or private house")
    MASSAGE = "erotic-massage", _("Erotic massage")
    ONLINE = "online", _("Online (webcam, content)")
    OTHER = "other", _("Other")


class ContactRoute(models.TextChoices):
    FIELDWORK_OFFLINE = "fieldwork-offline", _("Fieldwork on site")
    FIELDWORK_ONLINE = "fieldwork-online", _("Fieldwork online")
    PUBLIC_HEALTH = "referral-public-health", _("Referred by public health services")
    ENFORCEMENT = "referral-enforcement", _("Referred by enforcement (police, wardens)")
    OTHER_AGENCY = "referral-other-agency", _("Referred by another organisation")
    SELF = "self-referral", _("Came on their own")
    PEER = "peer", _("Through a peer")


class Outcome(models.TextChoices):
    EXITED = "exited", _("Stopped sex work")
    PARTLY = "changed-work-partly", _("Changed work partly")
    STOPPED = "stopped-participating", _("Stopped taking part")
    MOVED = "moved-away", _("Moved away")
    REFERRED = "referred-on", _("Referred on")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


# --- The organisation's own settings and profiles ----------------------------------------------


class CaseSettings(models.Model):
    """How long an organisation keeps closed cases, and when it checks in after an exit."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    retention_months = models.PositiveSmallIntegerField(_("keep closed cases for (months)"), default=24)
    follow_up_months = models.CharField(_("check in after an exit (months)"), max_length=40, default="3,6")

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"Case settings of organisation {self.organisation_id}"

    def follow_up_list(self) -> list[int]:
        months = []
        for part in self.follow_up_months.split(","):
            part = part.strip()
            if part.isdigit() and 0 < int(part) <= 36:
                months.append(int(part))
        return sorted(set(months))


class Profile(models.Model):
    """A profile an organisation uses at intake (seed 002 describes three; each organisation defines its own)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=60)
    name = TranslatedField(_("name"))
    description = TranslatedField(_("description"))
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["position", "slug"]
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="cases_profile_unique_slug")]

    def __str__(self) -> str:
        return pick(self.name).text or self.slug


# --- Clients and cases ------------------------------------------------------------------------


class Client(EncryptedFieldsMixin, models.Model):
    """A person the organisation supports, known by a reference and a working name (both pseudonymous)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(_("reference"), max_length=20)
    working_name = EncryptedTextField(_("working name or code"))
    # Identity and contact: optional, encrypted, shown only after re-authentication.
    legal_name = EncryptedTextField(_("legal name"), blank=True)
    birth_year = EncryptedTextField(_("year of birth"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    email = EncryptedTextField(_("email"), blank=True)
    contact_notes = EncryptedTextField(_("how to reach them safely"), blank=True)
    sub_branch = models.CharField(_("sub-branch"), max_length=30, choices=SubBranch.choices, blank=True)
    contact_route = models.CharField(_("how contact was made"), max_length=30, choices=ContactRoute.choices)
    languages = models.JSONField(_("languages"), default=list, blank=True)  # language codes: "nl", "ro", ...
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    duup_centre = models.ForeignKey(  # the Netherlands: the DUUP region, named by its centre municipality
        City, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("DUUP region")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["reference"]
        constraints = [models.UniqueConstraint(fields=["organisation", "reference"], name="cases_client_unique_ref")]

    def __str__(self) -> str:
        return self.reference


class Case(EncryptedFieldsMixin, models.Model):
    """One trajectory of a client with the organisation, from intake to closure."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="cases")
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    opened_on = models.DateField(_("first contact"))
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("worker"),
    )
    restricted = models.BooleanField(_("only assigned workers may open this case"), default=False)
    # Intake (seed 002: the circumstances and motives at the start shape what makes stopping hard later).
    profile = models.ForeignKey(Profile, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    start_circumstances = EncryptedTextField(_("circumstances when they started"), blank=True)
    start_motives = EncryptedTextField(_("motives for starting"), blank=True)
    wishes = EncryptedTextField(_("what they want to change"), blank=True)
    # Closure.
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    closing_note = EncryptedTextField(_("closing note"), blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic concurrency for edits of the case and plan

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"]), models.Index(fields=["lead", "status"])]

    def __str__(self) -> str:
        return f"Case {self.pk}"


class Assignment(models.Model):
    """A worker assigned to a case (the lead is one of them)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = ScopedManager("organisation")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "worker"], name="cases_assignment_unique")]

    def __str__(self) -> str:
        return f"Worker {self.worker_id} on case {self.case_id}"


# --- Consent ------------------------------------------------------------------------------------


class Purpose(models.TextChoices):
    CASEWORK = "casework", _("Support and keeping a case file")
    REFERRAL = "referral", _("Referral to another service")
    EXPORT = "export", _("Handing over a copy of the file")


class SharedItem(models.TextChoices):
    WORKING_NAME = "working-name", _("Working name")
    CONTACT = "contact", _("Identity and contact details")
    NEEDS = "needs", _("Needs per life domain")
    PLAN = "plan", _("Goals and actions")
    NOTES = "notes", _("A message written for the referral")


class Consent(EncryptedFieldsMixin, models.Model):
    """What the person agreed to: what is processed and why, what may be shared with whom, until when.

    Enforced by ``cases.consent.consent_required`` before every share, referral, follow-up and export."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purposes = models.JSONField(_("what is processed, and why"), default=list)
    shared_items = models.JSONField(_("what may be shared"), default=list, blank=True)
    any_service = models.BooleanField(_("with any service in the directory"), default=False)
    services = models.ManyToManyField(Service, blank=True, related_name="+", verbose_name=_("with these services"))
    note = EncryptedTextField(_("in the person's words"), blank=True)
    given_on = models.DateField(_("given on"))
    valid_until = models.DateField(_("valid until"))
    withdrawn_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"Consent {self.pk}"


# --- Assessment and plan ----------------------------------------------------------------------


class NeedStatus(models.IntegerChoices):
    URGENT = 1, _("Urgent")
    SERIOUS = 2, _("Needs support")
    WORKING = 3, _("Working on it")
    MOSTLY = 4, _("Mostly settled")
    NONE = 5, _("No need")


class Assessment(EncryptedFieldsMixin, models.Model):
    """A needs assessment on one day; re-assessments over time show progress."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("date"))
    note = EncryptedTextField(_("note"), blank=True)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["assessed_on", "id"]

    def __str__(self) -> str:
        return f"Assessment {self.pk}"


class Need(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="needs")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    status = models.PositiveSmallIntegerField(_("status"), choices=NeedStatus.choices)
    notes = EncryptedTextField(_("notes"), blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "domain"], name="cases_need_unique_domain")]

    def __str__(self) -> str:
        return f"Need {self.pk}"


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    REACHED = "reached", _("Reached")
    DROPPED = "dropped", _("Dropped")


class Goal(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+", verbose_name=_("life domain"))
    title = EncryptedTextField(_("goal"))
    status = models.CharField(_("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    created_on = models.DateField()
    version = models.PositiveIntegerField(default=1)  # optimistic concurrency

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["created_on", "id"]

    def __str__(self) -> str:
        return f"Goal {self.pk}"


class PlanAction(EncryptedFieldsMixin, models.Model):
    """An action towards a goal: who does it (a worker, or the person if no worker is named) and by when."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    description = EncryptedTextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who does it"),
    )
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]

    def __str__(self) -> str:
        return f"Action {self.pk}"


# --- Contacts and documents -------------------------------------------------------------------


class ContactKind(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    PHONE = "phone", _("Phone")
    ONLINE = "online", _("Online")
    OUTREACH = "outreach", _("During outreach")


class Contact(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    happened_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=ContactKind.choices)
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    notes = EncryptedTextField(_("notes"), blank=True)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["case", "happened_on"])]

    def __str__(self) -> str:
        return f"Contact {self.pk}"


class Document(EncryptedFieldsMixin, models.Model):
    """An uploaded file: checked, stripped of metadata, and stored encrypted (base64 in ``data``)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = EncryptedTextField(_("title"))
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    data = EncryptedTextField()
    uploaded_on = models.DateField()
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-uploaded_on", "-id"]

    def __str__(self) -> str:
        return f"Document {self.pk}"


# --- Referrals ----------------------------------------------------------------------------------


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Referral(EncryptedFieldsMixin, models.Model):
    """A referral to a directory service, as the referring organisation keeps it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    service_name = models.CharField(max_length=200)  # the listing's name when referred (public data)
    to_organisation = models.ForeignKey(  # the Haven organisation that keeps the listing, if any
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent = models.ForeignKey(Consent, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    shared_items = models.JSONField(default=list)
    message = EncryptedTextField(_("message for the service"), blank=True)
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT)
    sent_on = models.DateField()
    answered_on = models.DateField(null=True, blank=True)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return f"Referral {self.pk}"


class IncomingReferral(EncryptedFieldsMixin, models.Model):
    """The same referral in the receiving organisation's inbox: only what the consent allowed, sealed under
    the receiver's key. The two rows are kept in step by ``cases.services`` (status both ways)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    referral = models.OneToOneField(Referral, on_delete=models.SET_NULL, null=True, blank=True, related_name="incoming")
    from_name = models.CharField(max_length=200)  # the referring organisation's name
    service_name = models.CharField(max_length=200)
    shared = EncryptedTextField()  # JSON: the items the consent allowed
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT)
    received_on = models.DateField()
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answer = EncryptedTextField(_("answer"), blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"Incoming referral {self.pk}"


# --- The person's own plan, attached by their share code -----------------------------------------


class PlanAttachment(EncryptedFieldsMixin, models.Model):
    """A snapshot of the person's own plan (My plan), attached with the share code they gave.

    The code is kept (encrypted) so the snapshot is opened through ``plans.services.share_open`` each time:
    the person sees every opening, and a share they stop or that expires no longer opens here either."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_attachments")
    share = models.ForeignKey(Share, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    code = EncryptedTextField()
    attached_on = models.DateField()
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"Plan attachment {self.pk}"


# --- After closure -----------------------------------------------------------------------------


class FollowUpStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined by the person")
    UNREACHABLE = "unreachable", _("Could not reach them")


class FollowUp(EncryptedFieldsMixin, models.Model):
    """A check-in some months after an exit; the person may decline it (then no other is planned)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=FollowUpStatus.choices, default=FollowUpStatus.PLANNED)
    returned = models.BooleanField(_("returned to sex work"), null=True, blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    done_on = models.DateField(null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Follow-up {self.pk}"


class PurgeRecord(models.Model):
    """That closed cases were purged, and how many rows of each kind: no reference, name or date of a case."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    purged_on = models.DateField()
    cases = models.PositiveIntegerField()
    counts = models.JSONField(default=dict)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-purged_on", "-id"]

    def __str__(self) -> str:
        return f"Purge of {self.cases} cases on {self.purged_on}"
