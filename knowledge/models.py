"""Articles and FAQ entries in NL, FR and EN, with revisions, review states and translation status.

An ``Item`` holds what does not depend on language (topic, life domains, sources, last verified). Each
``Translation`` holds the published text in one language, copied from the ``Revision`` that was
published, so that public pages read one row. Revisions keep every version ever saved.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedField, pick
from vocabulary.models import Domain


class Topic(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = TranslatedField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return pick(self.name).text or self.slug


class Kind(models.TextChoices):
    ARTICLE = "article", _("Guide")
    FAQ = "faq", _("Question and answer")


class Item(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveIntegerField(default=0)
    domains = models.ManyToManyField(Domain, blank=True, related_name="knowledge_items")
    sources = models.JSONField(default=list, blank=True)  # [{"title": ..., "url": ...}]
    last_verified = models.DateField(null=True, blank=True)
    related = models.ManyToManyField("self", blank=True, symmetrical=False)
    emergency_box = models.BooleanField(default=False)
    source_language = models.CharField(max_length=2, default="en")
    bundle_digest = models.CharField(max_length=64, blank=True)
    edited_in_app = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["topic__position", "position", "slug"]

    def __str__(self) -> str:
        return self.slug


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class Translation(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=2, choices=settings.LANGUAGES)
    # The published text (empty until something is published).
    title = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    keywords = models.CharField(max_length=300, blank=True)
    published_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Translation status: the source-language version this text was last aligned with.
    version = models.PositiveIntegerField(default=0)
    source_version = models.PositiveIntegerField(default=0)
    bundle_digest = models.CharField(max_length=64, blank=True)
    edited_in_app = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "language"], name="knowledge_translation_unique")]
        # Whether an item has a published translation, answered from the index alone (lists at scale).
        indexes = [models.Index(fields=["item", "published_revision"], name="knowledge_tr_published")]

    def __str__(self) -> str:
        return f"{self.item.slug} ({self.language})"

    @property
    def is_published(self) -> bool:
        return self.published_revision_id is not None


class Revision(models.Model):
    translation = models.ForeignKey(Translation, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    keywords = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["translation", "number"], name="knowledge_revision_unique")]
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.translation} r{self.number}"
