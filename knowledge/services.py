"""Writes for the knowledge base: saving revisions, publishing, rolling back, loading the bundle."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from knowledge.markdown import render
from knowledge.models import Item, Kind, Revision, State, Topic, Translation
from search.services import document_delete, document_upsert

# Topics whose items are about one country. Other items are "" (about Belgium and the Netherlands alike, or written
# for Belgium where the platform started: the default country, so nothing is demoted for its visitors).
TOPIC_COUNTRIES = {"netherlands": "nl"}


def country_of(item: Item) -> str:
    """The country an item is about, from its topic ("" when it is not about one country)."""
    return TOPIC_COUNTRIES.get(item.topic.slug, "")


def item_url(item: Item, lang: str) -> str:
    return f"/{lang}/knowledge/{item.slug}/"


def _index(translation: Translation) -> None:
    if not translation.is_published:
        document_delete(kind=translation.item.kind, key=translation.item.slug, lang=translation.language)
        return
    document_upsert(
        kind=translation.item.kind,
        key=translation.item.slug,
        lang=translation.language,
        title=translation.title,
        summary=translation.summary,
        body=translation.body,
        keywords=translation.keywords,
        url=item_url(translation.item, translation.language),
        country=country_of(translation.item),
    )


def _source(item: Item) -> Translation | None:
    return item.translations.filter(language=item.source_language).first()


def revision_save(
    *,
    translation: Translation,
    author: User | None,
    title: str,
    summary: str,
    body: str,
    keywords: str = "",
    state: str = State.DRAFT,
    note: str = "",
    edited_in_app: bool = True,
) -> Revision:
    """Save a new version. Publishing it makes it the public text at once."""
    if state not in State.values:
        raise ValidationError({"state": _("Choose a state.")})
    with transaction.atomic():
        last = translation.revisions.order_by("-number").first()
        revision = Revision(
            translation=translation,
            number=(last.number + 1) if last else 1,
            title=title.strip(),
            summary=summary.strip(),
            body=body.strip(),
            keywords=keywords.strip(),
            state=state,
            author=author,
            note=note.strip(),
        )
        revision.full_clean(exclude=["translation"])
        revision.save()
        if edited_in_app:
            Translation.objects.filter(pk=translation.pk).update(edited_in_app=True)
            translation.edited_in_app = True
        if state == State.PUBLISHED:
            revision_publish(revision=revision)
    return revision


def revision_publish(*, revision: Revision) -> Translation:
    with transaction.atomic():
        translation = Translation.objects.select_for_update().select_related("item").get(pk=revision.translation_id)
        item = translation.item
        translation.title, translation.summary = revision.title, revision.summary
        translation.body, translation.keywords = revision.body, revision.keywords
        translation.body_html = render(revision.body, translation.language)
        translation.published_revision = revision
        if translation.language == item.source_language:
            translation.version += 1
            translation.source_version = translation.version
        else:
            source = _source(item)
            translation.source_version = source.version if source else 0
        translation.save()
        Revision.objects.filter(translation=translation, state=State.PUBLISHED).exclude(pk=revision.pk).update(
            state=State.DRAFT
        )
        if revision.state != State.PUBLISHED:
            revision.state = State.PUBLISHED
            revision.save(update_fields=["state"])
        _index(translation)
    return translation


def revision_submit_for_review(*, revision: Revision) -> Revision:
    if revision.state == State.DRAFT:
        revision.state = State.REVIEW
        revision.save(update_fields=["state"])
    return revision


def revision_rollback(*, revision: Revision, author: User | None) -> Revision:
    """Publish the text of an older revision again, as a new revision (history is never rewritten)."""
    return revision_save(
        translation=revision.translation,
        author=author,
        title=revision.title,
        summary=revision.summary,
        body=revision.body,
        keywords=revision.keywords,
        state=State.PUBLISHED,
        note=_("Back to version %(number)d") % {"number": revision.number},
    )


def faq_draft_create(
    *,
    topic_slug: str,
    slug_hint: str,
    source_language: str,
    texts: dict[str, tuple[str, str]],
    author: User | None,
    note: str = "",
) -> Item:
    """A new FAQ entry that nobody sees yet: one revision in review per language given (``texts``: language ->
    (question, answer)), listed for editors to check, complete and publish (used by peer questions)."""
    topic = Topic.objects.filter(slug=topic_slug).first()
    if topic is None:
        raise ValidationError({"topic": _("Choose a topic.")})
    filled = {
        lang: (title.strip(), body.strip()) for lang, (title, body) in texts.items() if title.strip() and body.strip()
    }
    if not filled:
        raise ValidationError(_("Write the question and the answer in at least one language."))
    with transaction.atomic():
        slug, n = slug_hint[:90], 1
        while Item.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{slug_hint[:90]}-{n}"
        source = source_language if source_language in filled else next(iter(filled))
        item = Item(slug=slug, kind=Kind.FAQ, topic=topic, source_language=source, edited_in_app=True)
        item.full_clean()
        item.save()
        for lang, (title, body) in filled.items():
            translation = Translation.objects.create(item=item, language=lang)
            revision_save(
                translation=translation,
                author=author,
                title=title,
                summary="",
                body=body,
                state=State.REVIEW,
                note=note,
            )
    return item


def translation_unpublish(*, translation: Translation) -> None:
    with transaction.atomic():
        translation.published_revision = None
        translation.title = translation.summary = translation.body = translation.body_html = ""
        translation.save()
        _index(translation)


def translation_status(translation: Translation | None, source: Translation | None) -> str:
    """``missing``, ``outdated`` (the source changed after the translation) or ``current``."""
    if translation is None or not translation.is_published:
        return "missing"
    if source is not None and translation.pk != source.pk and translation.source_version < source.version:
        return "outdated"
    return "current"


def item_index_all() -> int:
    count = 0
    for translation in Translation.objects.select_related("item__topic"):
        _index(translation)
        count += 1
    return count
