"""Public knowledge pages and the search page: readable by anyone, no account, no cookie."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.i18n import current_language
from knowledge import selectors
from knowledge.models import Topic
from search.selectors import search as run_search

MAX_RESULTS = 20


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    lang = current_language()
    return render(request, "knowledge/index.html", {"topics": selectors.topics_with_items(lang)})


@require_GET
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    lang = current_language()
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "knowledge/topic.html", {"topic": topic, "items": selectors.topic_items(topic, lang)})


@require_GET
def item(request: HttpRequest, slug: str) -> HttpResponse:
    lang = current_language()
    shown = selectors.item_shown(slug, lang)
    if shown is None:
        raise Http404
    domains = list(shown.item.domains.all())
    return render(
        request,
        "knowledge/item.html",
        {
            "shown": shown,
            "item": shown.item,
            "translation": shown.translation,
            "related": selectors.related_items(shown.item, lang),
            "domains": domains,
            "helplines": shown.item.emergency_box,
            "page_country": selectors.country_of(shown.item),
        },
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    lang = current_language()
    query = request.GET.get("q", "").strip()[:200]
    results = run_search(query, lang=lang, limit=MAX_RESULTS) if query else []
    context: dict[str, Any] = {"query": query, "results": results}
    if query and not results:
        context["topics"] = Topic.objects.all()
        context["helplines"] = True
    return render(request, "knowledge/search.html", context)
