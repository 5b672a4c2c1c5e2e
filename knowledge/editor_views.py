"""Editors write and revise knowledge items per language: drafts, review, publishing, history, rollback."""

from __future__ import annotations

import difflib

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import editor_required, staff_user
from knowledge import selectors, services
from knowledge.forms import ItemMetaForm, RevisionForm
from knowledge.models import Item, Revision, State, Translation
from search.selectors import missed_queries

LANGS = {code for code, _name in settings.LANGUAGES}


def _translation(slug: str, language: str) -> Translation:
    if language not in LANGS:
        raise Http404
    item = get_object_or_404(Item, slug=slug)
    translation, _created = Translation.objects.get_or_create(item=item, language=language)
    return translation


@editor_required
def dashboard(request: HttpRequest) -> HttpResponse:
    in_review = selectors.revisions_in_review()
    return render(
        request,
        "knowledge/editor/dashboard.html",
        {
            "rows": selectors.translation_matrix(),
            "languages": settings.LANGUAGES,
            "in_review": in_review,
            "missed": missed_queries(limit=30),
        },
    )


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    translation = _translation(slug, language)
    latest = translation.revisions.order_by("-number").first()
    source = translation.item.translations.filter(language=translation.item.source_language).first()
    initial: dict[str, object] = {"base": latest.number if latest else 0}
    if latest:
        initial.update(title=latest.title, summary=latest.summary, body=latest.body, keywords=latest.keywords)
    form = RevisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        current_number = latest.number if latest else 0
        if (data.get("base") or 0) != current_number:
            # Keep what was typed, now based on the newest version, and say why nothing was saved.
            form = RevisionForm({**request.POST.dict(), "base": current_number})
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone saved a newer version while you were editing. Your text is kept below: "
                    "compare it with the history before saving again."
                ),
            )
        else:
            state = {"publish": State.PUBLISHED, "review": State.REVIEW}.get(
                request.POST.get("action", ""), State.DRAFT
            )
            services.revision_save(
                translation=translation,
                author=staff_user(request),
                title=data["title"],
                summary=data["summary"],
                body=data["body"],
                keywords=data["keywords"],
                state=state,
                note=data["note"],
            )
            messages.success(
                request,
                {State.PUBLISHED: _("Published."), State.REVIEW: _("Sent for review."), State.DRAFT: _("Draft saved.")}[
                    state
                ],
            )
            return redirect("knowledge:history", slug=slug, language=language)
    return render(
        request,
        "knowledge/editor/edit.html",
        {
            "form": form,
            "translation": translation,
            "item": translation.item,
            "source": source if source and source.pk != translation.pk else None,
            "status": services.translation_status(translation, source),
        },
    )


@editor_required
def history(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    translation = _translation(slug, language)
    revisions = list(translation.revisions.select_related("author"))
    pairs = [(rev, revisions[i + 1] if i + 1 < len(revisions) else None) for i, rev in enumerate(revisions)]
    return render(
        request, "knowledge/editor/history.html", {"translation": translation, "item": translation.item, "pairs": pairs}
    )


def _diff_lines(old: str, new: str) -> list[tuple[str, str]]:
    lines = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "added", "-": "removed", "@": "context-marker"}.get(line[:1], "context")
        lines.append((kind, line))
    return lines


@editor_required
def diff(request: HttpRequest, slug: str, language: str, old: int, new: int) -> HttpResponse:
    translation = _translation(slug, language)
    before = get_object_or_404(Revision, translation=translation, number=old)
    after = get_object_or_404(Revision, translation=translation, number=new)
    fields = [
        (label, _diff_lines(getattr(before, name), getattr(after, name)))
        for name, label in (
            ("title", _("Title")),
            ("summary", _("Short answer")),
            ("body", _("Text")),
            ("keywords", _("Search words")),
        )
    ]
    return render(
        request,
        "knowledge/editor/diff.html",
        {"translation": translation, "item": translation.item, "before": before, "after": after, "fields": fields},
    )


@editor_required
@require_POST
def revision_action(request: HttpRequest, slug: str, language: str, number: int) -> HttpResponse:
    translation = _translation(slug, language)
    revision = get_object_or_404(Revision, translation=translation, number=number)
    action = request.POST.get("action")
    if action == "publish":
        services.revision_publish(revision=revision)
        messages.success(request, _("Published."))
    elif action == "rollback":
        services.revision_rollback(revision=revision, author=staff_user(request))
        messages.success(request, _("The text of version %(number)d is published again.") % {"number": number})
    else:
        messages.error(request, _("Unknown action."))
    return redirect("knowledge:history", slug=slug, language=language)


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_meta(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Item, slug=slug)
    form = ItemMetaForm(request.POST or None, initial=ItemMetaForm.initial_for(item))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item.sources = form.cleaned_data["sources"]
            item.last_verified = form.cleaned_data["last_verified"]
            item.emergency_box = form.cleaned_data["emergency_box"]
            item.edited_in_app = True
            item.save()
            item.domains.set(form.cleaned_data["domains"])
        messages.success(request, _("Sources and details saved."))
        return redirect("knowledge:dashboard")
    return render(request, "knowledge/editor/meta.html", {"form": form, "item": item})
