"""What every case view shares: the case URL, the conflict message, rendering with the case."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import Case
from core.types import HavenRequest


def case_url(case: Case, anchor: str = "") -> str:
    url = reverse("cases:case", kwargs={"org": case.organisation.slug, "case": case.pk})
    return f"{url}#{anchor}" if anchor else url


def to_case(case: Case, anchor: str = "") -> HttpResponse:
    return redirect(case_url(case, anchor))


def conflict_message() -> str:
    return _(
        "Someone else saved this while you were editing. Your changes are kept below but not saved: "
        "check the current version on the case page, then save again."
    )


def render_case_form(
    request: HavenRequest, case: Case, *, form: Any, title: str, button: str, extra: dict[str, Any] | None = None
) -> HttpResponse:
    context = {"organisation": request.organisation, "case": case, "form": form, "title": title, "button": button}
    context.update(extra or {})
    return render(request, "cases/form.html", context)
