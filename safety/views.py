"""Public pages of the safety module: report, come back with a code, warnings, check a number, self-check.

No page needs an account or keeps anything about the visitor. Reading pages set no cookie; the forms use only
the CSRF cookie that ends with the browser session (the self-check needs none: it changes nothing). Reply codes
and phone numbers travel in POST bodies, never in addresses, so they stay out of the browser's history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from core.clients import Throttle
from core.types import HavenRequest
from safety import selectors, selfcheck, services
from safety.forms import CheckForm, CodeForm, ReplyForm, ReportForm
from safety.models import Report
from vocabulary.selectors import chosen_country, region_list

REPORT_THROTTLE = Throttle("safety-report", limit=5, window=3600)
CODE_THROTTLE = Throttle("safety-code", limit=10, window=3600)  # wrong codes per client
CODE_THROTTLE_ALL = Throttle("safety-code-all", limit=2000, window=3600)  # wrong codes from everyone together
CHECK_THROTTLE = Throttle("safety-check", limit=30, window=3600)


def _country(request: HavenRequest) -> str:
    return chosen_country(request)


def _context(request: HavenRequest, **extra: object) -> dict[str, object]:
    country = _country(request)
    return {"country": country, "keep": "?country=nl" if country == "nl" else "", **extra}


@require_safe
def index(request: HavenRequest) -> HttpResponse:
    return render(request, "safety/index.html", _context(request))


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HavenRequest) -> HttpResponse:
    country = _country(request)
    if request.method != "POST":
        return render(request, "safety/report.html", _context(request, form=ReportForm(country=country)))
    form = ReportForm(request.POST, request.FILES, country=country)
    if REPORT_THROTTLE.blocked(request.client_key):
        form.add_error(None, _("Too many reports were sent from here in a short time. Wait an hour and try again."))
    elif form.is_valid():
        try:
            submitted = services.report_submit(**form.service_kwargs())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            REPORT_THROTTLE.hit(request.client_key)
            return render(request, "safety/report_sent.html", _context(request, code=submitted.code))
    return render(request, "safety/report.html", _context(request, form=form), status=200)


def _code_refused(request: HavenRequest) -> bool:
    return CODE_THROTTLE.blocked(request.client_key) or CODE_THROTTLE_ALL.blocked("all")


def _conversation(
    request: HavenRequest, report: Report, code: str, reply: ReplyForm | None = None, sent: bool = False
) -> HttpResponse:
    messages = selectors.conversation(report, for_staff=False)
    context = _context(
        request,
        report=report,
        conversation=messages,
        match=report.wants_match_news and selectors.has_match(report),
        reply=reply or ReplyForm(initial={"code": code}),
        sent=sent,
    )
    return render(request, "safety/conversation.html", context)


def _open(request: HavenRequest, code: str) -> Report | None:
    found = selectors.report_by_code(code)
    if found is None:
        CODE_THROTTLE.hit(request.client_key)
        CODE_THROTTLE_ALL.hit("all")
    return found


@require_http_methods(["GET", "HEAD", "POST"])
def come_back(request: HavenRequest) -> HttpResponse:
    """Type the reply code to read the answers (POST: the code stays out of the address bar)."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _code_refused(request):
            form.add_error(None, _("Too many wrong codes were tried. Wait an hour and try again."))
        else:
            found = _open(request, form.cleaned_data["code"])
            if found is not None:
                return _conversation(request, found, form.cleaned_data["code"])
            form.add_error("code", _("This code does not open a report. Check it and try again."))
    return render(request, "safety/come_back.html", _context(request, form=form))


@require_http_methods(["GET", "HEAD", "POST"])
def reply(request: HavenRequest) -> HttpResponse:
    """The person's answer; the code comes again in the form, hidden, and opens the report again."""
    if request.method != "POST":
        return come_back_form(request)
    if _code_refused(request):
        return come_back_form(request, _("Too many wrong codes were tried. Wait an hour and try again."))
    code = str(request.POST.get("code", ""))[:60]
    found = _open(request, code)
    if found is None:
        return come_back_form(request)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reporter_reply(report=found, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error)
        else:
            return _conversation(request, found, code, sent=True)
    return _conversation(request, found, code, reply=form)


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HavenRequest) -> HttpResponse:
    """The person deletes their report, its conversation and photos, with the code (asked to confirm first)."""
    if request.method != "POST":
        return come_back_form(request)
    if _code_refused(request):
        return come_back_form(request, _("Too many wrong codes were tried. Wait an hour and try again."))
    code = str(request.POST.get("code", ""))[:60]
    found = _open(request, code)
    if found is None:
        return come_back_form(request)
    if request.POST.get("confirm") != "yes":
        return render(request, "safety/delete.html", _context(request, code=code))
    services.report_delete(report=found, actor=None)
    return render(request, "safety/deleted.html", _context(request))


def come_back_form(request: HavenRequest, problem: str = "") -> HttpResponse:
    problem = problem or _("Type your reply code again to open your report.")
    return render(request, "safety/come_back.html", _context(request, form=CodeForm(), problem=problem))


@require_safe
def warnings(request: HavenRequest) -> HttpResponse:
    country = _country(request)
    regions = {r.slug: r for r in region_list(country=country)}
    region = request.GET.get("region", "")
    region = region if isinstance(region, str) and region in regions else ""
    alerts = selectors.current_alerts(country=country, region=region)[:100]
    context = _context(request, alerts=alerts, regions=regions.values(), region=region)
    return render(request, "safety/warnings.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def check(request: HavenRequest) -> HttpResponse:
    """Check a number: whether a current warning mentions it, compared by keyed hash."""
    form = CheckForm(request.POST or None)
    found = None
    if request.method == "POST":
        if CHECK_THROTTLE.blocked(request.client_key):
            form.add_error(None, _("Too many numbers were checked from here. Wait an hour and try again."))
        elif form.is_valid():
            CHECK_THROTTLE.hit(request.client_key)
            number = form.cleaned_data["number"]
            found = selectors.alerts_naming(phone=number, region="NL" if _country(request) == "nl" else "BE")
            if not found and not number.strip().startswith("+"):
                other = "BE" if _country(request) == "nl" else "NL"
                found = selectors.alerts_naming(phone=number, region=other)
    return render(request, "safety/check.html", _context(request, form=form, found=found))


@csrf_exempt  # it changes nothing and stores nothing, so it needs no cookie either
@require_http_methods(["GET", "HEAD", "POST"])
def self_check(request: HavenRequest, about: str = "self") -> HttpResponse:
    ticked = request.POST.getlist("sign") if request.method == "POST" else []
    context = _context(
        request,
        about=about,
        groups=selfcheck.GROUPS,
        sources=selfcheck.SOURCES,
        centres=selfcheck.CENTRES,
        hotline=selfcheck.HOTLINE,
        comensha=selfcheck.COMENSHA,
        last_checked=selfcheck.LAST_CHECKED,
        answered=request.method == "POST",
        count=selfcheck.count_ticked([str(t) for t in ticked]),
    )
    return render(request, "safety/self_check.html", context)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def self_check_other(request: HavenRequest) -> HttpResponse:
    return self_check(request, about="other")
