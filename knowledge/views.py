"""Public knowledge pages and the search page: readable by anyone, no account, no cookie."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.i18n import current_language
from core.pagecache import keep_out, public_page
from knowledge import selectors
from knowledge.models import Topic
from search.selectors import search_page
from vocabulary.selectors import DEFAULT_COUNTRY, chosen_country, known_countries


@require_safe
@public_page
def index(request: HttpRequest) -> HttpResponse:
    lang = current_language()
    return render(request, "knowledge/index.html", {"topics": selectors.topics_with_items(lang)})


@require_safe
@public_page
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    lang = current_language()
    topic = get_object_or_404(Topic, slug=slug)
    page, items = selectors.topic_items(topic, lang, request.GET.get("page"))
    return render(request, "knowledge/topic.html", {"topic": topic, "items": items, "page": page})


@require_safe
@public_page
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


@require_safe
@public_page
def search(request: HttpRequest) -> HttpResponse:
    lang = current_language()
    query = request.GET.get("q", "").strip()[:200]
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    # The visitor's country from `?country=` (Belgium by default): answers for it come before the other country's.
    country = chosen_country(request, default=DEFAULT_COUNTRY, known=known_countries())
    context: dict[str, Any] = {"query": query, "country": country}
    if query:
        page = search_page(query, lang=lang, page=page_number, country=country)
        context["page"] = page
        context["results"] = page.results
        if not page.results:
            slugs = [r.key for r in page.related if r.type in ("article", "faq")]
            context["closest_topics"] = selectors.topics_of_items(slugs) if slugs else []
            context["topics"] = Topic.objects.all()
    response = render(request, "knowledge/search.html", context)
    # A search that found nothing is counted for editors (search.selectors.missed_query_count) each time it is
    # asked: it is rendered every time rather than served from memory.
    return keep_out(response) if query and not context["results"] else response
