"""Public directory pages: the filtered list, a service, an organisation, and suggesting a correction.

Reading sets no cookie and needs no account. Only the suggestion form (its own page) uses a CSRF cookie.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.clients import Throttle
from core.i18n import current_language
from core.pagecache import public_page
from directory import selectors, services
from directory.forms import DAY_NAMES, FilterForm, SuggestionForm, language_label
from directory.models import Service

PER_PAGE = 20
suggestion_throttle = Throttle("directory-suggestion", limit=10, window=60 * 60)


def _filters(form: FilterForm) -> selectors.Filters:
    """The valid filters; an invalid one (an unknown city in an old link) is dropped and reported."""
    form.is_valid()
    data = form.cleaned_data
    return selectors.Filters(
        country=data.get("country", ""),
        region=data.get("region", ""),
        city=data.get("city", ""),
        need=data.get("need", ""),
        language=data.get("language", ""),
        attributes=tuple(data.get("attr", [])),
        open_now=bool(data.get("open")),
    )


@require_safe
@public_page
def index(request: HttpRequest) -> HttpResponse:
    lang = current_language()
    form = FilterForm(request.GET or None, languages=selectors.languages_offered())
    filters = _filters(form) if request.GET else selectors.Filters()
    found = selectors.ordered_by_name(selectors.filtered_services(filters), lang)
    page = Paginator(selectors.with_card_data(found), PER_PAGE).get_page(request.GET.get("page"))
    open_ids = selectors.open_among(page.object_list)
    return render(
        request,
        "directory/index.html",
        {"form": form, "page": page, "open_ids": open_ids, "filtered": filters != selectors.Filters()},
    )


@require_safe
@public_page
def service(request: HttpRequest, slug: str) -> HttpResponse:
    shown = selectors.service_page(slug)
    if shown is None:
        raise Http404
    days = [(code, DAY_NAMES[code]) for code in DAY_NAMES]
    languages = [language_label(sl.code) for sl in shown.service.languages.all()]  # type: ignore[attr-defined]
    return render(
        request,
        "directory/service.html",
        {"shown": shown, "service": shown.service, "days": days, "languages": languages},
    )


@require_safe
@public_page
def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    shown = selectors.organization_page(slug)
    if shown is None:
        raise Http404
    return render(request, "directory/organisation.html", {"shown": shown, "organization": shown.organization})


def _public_service(slug: str) -> Service:
    found = selectors.public_services().select_related("organization").filter(slug=slug).first()
    if found is None:
        raise Http404
    return found


@require_http_methods(["GET", "HEAD", "POST"])
def suggest(request: HttpRequest, slug: str) -> HttpResponse:
    found = _public_service(slug)
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = getattr(request, "client_key", "")
        if suggestion_throttle.blocked(client):
            form.add_error(None, _("Many corrections were sent from here in the last hour. Please try again later."))
        else:
            suggestion_throttle.hit(client)
            services.suggestion_create(service=found, text=form.cleaned_data["text"], language=current_language())
            return redirect("directory:suggest-thanks", slug=found.slug)
    return render(request, "directory/suggest.html", {"service": found, "form": form})


@require_safe
def suggest_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "directory/suggest_thanks.html", {"service": _public_service(slug)})
