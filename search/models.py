"""The search index: one row per (kind, key, language), kept by the apps that own the content.

The search app knows no other app's models: knowledge and directory push documents through
``search.services``. Each engine keeps its own index beside this table (a tsvector column and
trigram index on PostgreSQL, an FTS5 table on SQLite).
"""

from django.db import models


class Kind(models.TextChoices):
    ARTICLE = "article"
    FAQ = "faq"
    SERVICE = "service"
    ORGANISATION = "organisation"


class Document(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=120)
    lang = models.CharField(max_length=2)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    # The country the document is about, as a lowercase code ("be", "nl"), or "" when it is not about one: a visitor
    # from another country sees it further down (``rules.OTHER_COUNTRY_FACTOR``), never not at all.
    country = models.CharField(max_length=2, blank=True, default="", db_default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key", "lang"], name="search_document_unique")]
        indexes = [models.Index(fields=["lang"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} ({self.lang})"


class MissedQuery(models.Model):
    """A search that found nothing, counted per day so that editors can fill gaps.

    Only the words and the day: never a time of day, a session or anything about the visitor.
    """

    text = models.CharField(max_length=100)
    lang = models.CharField(max_length=2)
    day = models.DateField()
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["text", "lang", "day"], name="search_missed_unique")]

    def __str__(self) -> str:
        return f"{self.text} ({self.lang}, {self.day}: {self.count})"


class Word(models.Model):
    """A word of the indexed documents of a language, to correct typos against.

    Added when a document is indexed; the list is rebuilt from the documents by ``lexicon_rebuild`` (so that words of
    removed documents go). Each process keeps a copy and reads only the words added since its last look."""

    lang = models.CharField(max_length=2)
    word = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lang", "word"], name="search_word_unique")]
        indexes = [models.Index(fields=["lang", "id"], name="search_word_lang_id")]

    def __str__(self) -> str:
        return f"{self.word} ({self.lang})"
