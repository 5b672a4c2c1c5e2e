"""The parts of a plan edited as a whole: motivations, budget, skills, network, safety; and the journal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.i18n import current_language
from plans import budget, checklist, parts, services, skills
from plans.amounts import for_input
from plans.charts import fund_chart
from plans.forms import (
    BudgetForm,
    ContactFormSet,
    JournalEntryForm,
    MotivationsForm,
    SafetyForm,
    SkillsForm,
    VersionForm,
)
from plans.models import PartKind
from plans.outline import nice_date
from plans.progress import progress
from plans.selectors import (
    PartDoc,
    directory_services,
    goal_domains,
    knowledge_items,
    parts_read,
    region_choices,
    region_name,
    today,
)
from plans.services import PartConflict
from plans.session import plan_required
from plans.views.common import access_of, conflict_context, read, with_version
from safety.selectors import alerts_for_plan

FormMaker = Callable[[QueryDict | None, dict[str, Any] | None], forms.Form]


def _saved() -> str:
    return _("Saved. Only you can read it.")


def edit_part(
    request: HttpRequest,
    *,
    kind: str,
    template: str,
    make_form: FormMaker,
    initial: Callable[[PartDoc], dict[str, Any]],
    to_doc: Callable[[forms.Form], dict[str, Any]],
    context: Callable[[PartDoc], dict[str, Any]] | None = None,
) -> HttpResponse:
    """Show a part in a form; save it only if nobody saved it since the form was shown."""
    access = access_of(request)
    doc = read(request, kind)
    extra: dict[str, Any] = {}
    if request.method == "POST":
        form = make_form(request.POST, None)
        if form.is_valid():
            try:
                services.part_save(
                    space=access.space,
                    key=access.key,
                    kind=kind,
                    data=to_doc(form),
                    expected_version=form.cleaned_data["version"],
                )
            except PartConflict:
                doc = read(request, kind)
                form = make_form(with_version(request.POST, doc.version), None)
                form.is_valid()
                extra = conflict_context(form, doc)
            else:
                messages.success(request, _saved())
                return redirect(request.path)
    else:
        form = make_form(None, {"version": doc.version, **initial(doc)})
    return render(request, template, {"form": form, "doc": doc, **(context(doc) if context else {}), **extra})


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def motivations(request: HttpRequest) -> HttpResponse:
    regions = region_choices()
    return edit_part(
        request,
        kind=PartKind.MOTIVATIONS,
        template="plans/motivations.html",
        make_form=lambda data, initial: MotivationsForm(data, initial=initial, regions=regions),
        initial=lambda doc: dict(doc.data),
        to_doc=lambda form: {name: form.cleaned_data[name] for name in (*parts.MOTIVATION_FIELDS, "region")},
    )


def _budget_initial(doc: PartDoc) -> dict[str, Any]:
    data = doc.data
    initial = {f"cost_{key}": for_input(data["costs"].get(key)) for key, _label in budget.COSTS}
    initial |= {f"income_{key}": for_input(data["income"].get(key)) for key, _label in budget.INCOME}
    initial |= {
        "savings": for_input(data["savings"]),
        "fund_target": for_input(data["fund"]["target"]),
        "fund_amount": for_input(data["fund"]["amount"]),
        "fund_period": data["fund"]["period"],
        "notes": data["notes"],
    }
    return initial


def _budget_context(doc: PartDoc) -> dict[str, Any]:
    summary = budget.summarise(doc.data)
    return {
        "summary": summary,
        "chart": fund_chart(summary.points, summary.fund_target, fund_months=summary.fund_months),
    }


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def budget_view(request: HttpRequest) -> HttpResponse:
    return edit_part(
        request,
        kind=PartKind.BUDGET,
        template="plans/budget.html",
        make_form=lambda data, initial: BudgetForm(data, initial=initial),
        initial=_budget_initial,
        to_doc=lambda form: form.document(),  # type: ignore[attr-defined]
        context=_budget_context,
    )


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def skills_view(request: HttpRequest) -> HttpResponse:
    region = read(request, PartKind.MOTIVATIONS).data["region"]

    def context(doc: PartDoc) -> dict[str, Any]:
        return {
            "sectors": skills.sectors_for(doc.data["skills"]),
            "region_name": region_name(region),
            "services": directory_services(
                domains=["work", "training"], region=region or None, lang=current_language(), limit=6
            ),
        }

    return edit_part(
        request,
        kind=PartKind.SKILLS,
        template="plans/skills.html",
        make_form=lambda data, initial: SkillsForm(data, initial=initial),
        initial=lambda doc: dict(doc.data),
        to_doc=lambda form: {name: form.cleaned_data[name] for name in ("skills", "other", "ideas")},
        context=context,
    )


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def safety(request: HttpRequest) -> HttpResponse:
    return edit_part(
        request,
        kind=PartKind.SAFETY,
        template="plans/safety.html",
        make_form=lambda data, initial: SafetyForm(data, initial=initial),
        initial=lambda doc: dict(doc.data),
        to_doc=lambda form: {"done": form.cleaned_data["done"], "notes": form.cleaned_data["notes"]},
        context=lambda doc: {
            "items": checklist.ITEMS,
            "done": set(doc.data["done"]),
            "alerts": alerts_for_plan(),
        },
    )


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def network(request: HttpRequest) -> HttpResponse:
    """Trusted people and organisations: a list edited as a whole, with two empty rows to add more."""
    access = access_of(request)
    doc = read(request, PartKind.NETWORK)
    extra: dict[str, Any] = {}
    if request.method == "POST":
        version_form = VersionForm(request.POST)
        formset = ContactFormSet(request.POST, prefix="contacts")
        if version_form.is_valid() and formset.is_valid():
            contacts = [
                {**form.cleaned_data, "id": form.cleaned_data.get("id") or parts.new_id()}
                for form in formset.forms
                if form.cleaned_data.get("name") and not form.cleaned_data.get("DELETE")
            ]
            try:
                services.part_save(
                    space=access.space,
                    key=access.key,
                    kind=PartKind.NETWORK,
                    data={"contacts": contacts},
                    expected_version=version_form.cleaned_data["version"],
                )
            except PartConflict:
                doc = read(request, PartKind.NETWORK)
                version_form = VersionForm(with_version(request.POST, doc.version))
                version_form.is_valid()
                extra = conflict_context(version_form, doc)
            else:
                messages.success(request, _saved())
                return redirect(request.path)
    else:
        version_form = VersionForm(initial={"version": doc.version})
        formset = ContactFormSet(initial=doc.data["contacts"], prefix="contacts")
    return render(request, "plans/network.html", {"form": version_form, "formset": formset, "doc": doc, **extra})


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def journal(request: HttpRequest) -> HttpResponse:
    """Dated entries, newest first, and progress over time. Adding an entry never overwrites another."""
    access = access_of(request)
    form = JournalEntryForm(request.POST if request.method == "POST" else None, initial={"date": today()})
    if request.method == "POST" and form.is_valid():
        entry = {
            "id": parts.new_id(),
            "date": form.cleaned_data["date"].isoformat(),
            "text": form.cleaned_data["text"],
            "milestone": form.cleaned_data["milestone"],
        }
        services.part_change(
            space=access.space,
            key=access.key,
            kind=PartKind.JOURNAL,
            change=lambda doc: {"entries": [entry, *doc["entries"]]},
        )
        if entry["milestone"]:
            messages.success(request, _("A milestone! Well done. It is in your journal now."))
        else:
            messages.success(request, _saved())
        return redirect("plans:journal")
    docs = parts_read(space=access.space, key=access.key, kinds=[PartKind.GOALS, PartKind.JOURNAL])
    entries = [{**entry, "nice_date": nice_date(entry["date"])} for entry in docs[PartKind.JOURNAL].data["entries"]]
    found = progress(docs[PartKind.GOALS].data, docs[PartKind.JOURNAL].data)
    achievements = [{"item": item, "nice_date": nice_date(item.date)} for item in found.achievements]
    months = [(date_format(date.fromisoformat(f"{month}-01"), "YEAR_MONTH_FORMAT"), n) for month, n in found.by_month]
    return render(
        request,
        "plans/journal.html",
        {"form": form, "entries": entries, "progress": found, "achievements": achievements, "months": months},
    )


@plan_required
@require_POST
def journal_delete(request: HttpRequest, entry_id: str) -> HttpResponse:
    access = access_of(request)
    services.part_change(
        space=access.space,
        key=access.key,
        kind=PartKind.JOURNAL,
        change=lambda doc: {"entries": [entry for entry in doc["entries"] if entry["id"] != entry_id]},
    )
    messages.success(request, _("The entry is deleted."))
    return redirect("plans:journal")


@plan_required
@require_safe
def suggestions(request: HttpRequest) -> HttpResponse:
    """Next steps from the directory and the knowledge base, for the life domains of open goals."""
    access = access_of(request)
    docs = parts_read(space=access.space, key=access.key, kinds=[PartKind.GOALS, PartKind.MOTIVATIONS])
    domains = goal_domains(docs[PartKind.GOALS].data)
    region = docs[PartKind.MOTIVATIONS].data["region"]
    lang = current_language()
    return render(
        request,
        "plans/suggestions.html",
        {
            "domains": domains,
            "region_name": region_name(region),
            "services": directory_services(domains=domains, region=region or None, lang=lang, limit=8),
            "articles": knowledge_items(domains=domains, lang=lang, limit=8),
        },
    )
