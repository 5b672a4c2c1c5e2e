"""Goals per life domain, each broken into small steps with target dates; steps are ticked off here."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from plans import parts, services
from plans.forms import GoalForm, StepFormSet
from plans.models import PartKind
from plans.outline import nice_date
from plans.progress import goal_done_on
from plans.selectors import domain_choices, domain_names, today
from plans.services import PartConflict
from plans.session import plan_required
from plans.views.common import access_of, conflict_context, read, with_version


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _steps_from(formset: Any, previous: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Steps as typed; a step ticked before keeps the day it was ticked."""
    known = {step["id"]: step for step in previous}
    steps = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data.get("text"):
            continue
        step_id = data.get("id") if data.get("id") in known else parts.new_id()
        before = known.get(step_id, {}).get("done_on", "")
        done_on = (before or today().isoformat()) if data.get("done") else ""
        steps.append({"id": step_id, "text": data["text"], "target": _iso(data.get("target")), "done_on": done_on})
    return steps


def _goal_view(request: HttpRequest, goal_id: str | None) -> HttpResponse:
    access = access_of(request)
    doc = read(request, PartKind.GOALS)
    goal = parts.find(doc.data["goals"], goal_id) if goal_id else None
    if goal_id and goal is None:
        raise Http404
    domains = domain_choices()
    extra: dict[str, Any] = {}
    if request.method == "POST":
        form = GoalForm(request.POST, domains=domains)
        formset = StepFormSet(request.POST, prefix="steps")
        if form.is_valid() and formset.is_valid():
            new_id = goal_id or parts.new_id()

            def change(latest: dict[str, Any]) -> dict[str, Any]:
                previous = parts.find(latest["goals"], new_id)
                updated = {
                    "id": new_id,
                    "domain": form.cleaned_data["domain"],
                    "title": form.cleaned_data["title"],
                    "target": _iso(form.cleaned_data.get("target")),
                    "steps": _steps_from(formset, previous["steps"] if previous else []),
                }
                if previous is None:
                    return {"goals": [*latest["goals"], updated]}
                return {"goals": [updated if item["id"] == new_id else item for item in latest["goals"]]}

            try:
                services.part_change(
                    space=access.space,
                    key=access.key,
                    kind=PartKind.GOALS,
                    change=change,
                    expected_version=form.cleaned_data["version"] if goal_id else None,
                )
            except PartConflict:
                doc = read(request, PartKind.GOALS)
                form = GoalForm(with_version(request.POST, doc.version), domains=domains)
                form.is_valid()
                extra = conflict_context(form, doc)
            else:
                messages.success(request, _("Your goal is saved."))
                return redirect("plans:goals")
    else:
        initial: dict[str, Any] = {"version": doc.version}
        steps: list[dict[str, Any]] = []
        if goal is not None:
            initial |= {"domain": goal["domain"], "title": goal["title"], "target": goal["target"] or None}
            steps = [
                {
                    "id": step["id"],
                    "text": step["text"],
                    "target": step["target"] or None,
                    "done": bool(step["done_on"]),
                }
                for step in goal["steps"]
            ]
        form = GoalForm(initial=initial, domains=domains)
        formset = StepFormSet(initial=steps, prefix="steps")
    return render(request, "plans/goal_form.html", {"form": form, "formset": formset, "goal": goal, **extra})


@plan_required
@require_safe
def goals(request: HttpRequest) -> HttpResponse:
    doc = read(request, PartKind.GOALS)
    names = domain_names()
    shown = []
    for goal in doc.data["goals"]:
        steps = [
            {**step, "nice_target": nice_date(step["target"]), "nice_done": nice_date(step["done_on"])}
            for step in goal["steps"]
        ]
        done = sum(1 for step in steps if step["done_on"])
        shown.append(
            {
                **goal,
                "steps": steps,
                "domain_name": names.get(goal["domain"], goal["domain"]),
                "nice_target": nice_date(goal["target"]),
                "reached_on": nice_date(goal_done_on(goal)),
                "done_count": done,
            }
        )
    return render(request, "plans/goals.html", {"goals": shown})


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_new(request: HttpRequest) -> HttpResponse:
    return _goal_view(request, None)


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_edit(request: HttpRequest, goal_id: str) -> HttpResponse:
    return _goal_view(request, goal_id)


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_delete(request: HttpRequest, goal_id: str) -> HttpResponse:
    access = access_of(request)
    goal = parts.find(read(request, PartKind.GOALS).data["goals"], goal_id)
    if goal is None:
        raise Http404
    if request.method == "POST":
        services.part_change(
            space=access.space,
            key=access.key,
            kind=PartKind.GOALS,
            change=lambda doc: {"goals": [item for item in doc["goals"] if item["id"] != goal_id]},
        )
        messages.success(request, _("The goal is deleted."))
        return redirect("plans:goals")
    return render(request, "plans/goal_delete.html", {"goal": goal})


@plan_required
@require_POST
def step_toggle(request: HttpRequest, goal_id: str, step_id: str) -> HttpResponse:
    """Tick a step off (or back on). Safe on two devices: it changes this one step of the newest version."""
    access = access_of(request)
    outcome: dict[str, bool] = {}

    def change(doc: dict[str, Any]) -> dict[str, Any]:
        goal = parts.find(doc["goals"], goal_id)
        step = parts.find(goal["steps"], step_id) if goal else None
        if goal is None or step is None:
            return doc
        step["done_on"] = "" if step["done_on"] else today().isoformat()
        outcome["done"] = bool(step["done_on"])
        outcome["goal"] = bool(goal_done_on(goal))
        return doc

    services.part_change(space=access.space, key=access.key, kind=PartKind.GOALS, change=change)
    if outcome.get("goal"):
        messages.success(request, _("You reached a goal! Take a moment to celebrate it."))
    elif outcome.get("done"):
        messages.success(request, _("Well done: one more step behind you."))
    elif "done" not in outcome:
        messages.info(request, _("That step is no longer in your plan. It may have been changed on another device."))
    return redirect("plans:goals")
