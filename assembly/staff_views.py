"""Staff pages (organisation admins): prepare an assembly, record proxies, open and close the vote, enter the
room's counts, write the minutes. Outsiders get 404, colleagues without the admin role 403."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import organisation_required, staff_user
from accounts.models import Role
from assembly import selectors, services
from assembly.forms import (
    AgendaItemForm,
    AssemblyForm,
    DocumentForm,
    MinutesForm,
    ProxyForm,
    QuestionForm,
    RoomCountForm,
    RoomForm,
)
from assembly.models import Assembly, Candidacy, Proxy, Question, Status
from core.types import HavenRequest
from members.selectors import active_members

admin_required = organisation_required(Role.ADMIN)


def _assembly(pk: int) -> Assembly:
    return get_object_or_404(Assembly, pk=pk)


def _back(request: HavenRequest, assembly: Assembly) -> HttpResponse:
    return redirect("assembly:staff-detail", org=request.organisation.slug, pk=assembly.pk)


def _form_page(
    request: HavenRequest,
    form: forms.Form,
    assembly: Assembly | None,
    heading: str,
    save: Callable[[dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return (
                _back(request, assembly) if assembly else redirect("assembly:staff-list", org=request.organisation.slug)
            )
    return render(
        request,
        "assembly/staff/form.html",
        {"tenant": request.organisation, "assembly": assembly, "form": form, "heading": heading},
    )


@require_safe
@admin_required
def assembly_list(request: HavenRequest) -> HttpResponse:
    return render(
        request,
        "assembly/staff/list.html",
        {"tenant": request.organisation, "assemblies": selectors.assemblies_for_staff(request.organisation)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def assembly_new(request: HavenRequest) -> HttpResponse:
    form = AssemblyForm(request.POST or None)

    def save(data: dict[str, Any]) -> None:
        services.assembly_create(organisation=request.organisation, actor=staff_user(request), **data)

    return _form_page(request, form, None, _("Prepare a general assembly"), save, _("Saved."))


@require_safe
@admin_required
def assembly_detail(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    questions = list(assembly.questions.prefetch_related("options", "candidacies"))
    return render(
        request,
        "assembly/staff/detail.html",
        {
            "tenant": request.organisation,
            "assembly": assembly,
            "questions": [
                {
                    "question": q,
                    "candidacies": list(q.candidacies.select_related("member")),
                    "lines": selectors.question_lines(q) if assembly.status == Status.OPEN else [],
                    "result": selectors.result_rows(q),
                    "participations": selectors.participation_count(q),
                }
                for q in questions
            ],
            "proxies": list(assembly.proxies.select_related("giver", "holder")),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def assembly_edit(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    fields = ("title", "starts_at", "place", "introduction", "max_proxies", "quorum_percent")
    form = AssemblyForm(request.POST or None, initial={name: getattr(assembly, name) for name in fields})

    def save(data: dict[str, Any]) -> None:
        changed = {name: value for name, value in data.items() if getattr(assembly, name) != value}
        services.assembly_update(assembly=assembly, actor=staff_user(request), **changed)

    return _form_page(request, form, assembly, _("Change the assembly"), save, _("Saved."))


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def agenda_add(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    form = AgendaItemForm(request.POST or None)

    def save(data: dict[str, Any]) -> None:
        services.agenda_item_add(assembly=assembly, actor=staff_user(request), **data)

    return _form_page(request, form, assembly, _("Add to the agenda"), save, _("Added to the agenda."))


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def document_add(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    form = DocumentForm(request.POST or None)

    def save(data: dict[str, Any]) -> None:
        services.document_add(assembly=assembly, actor=staff_user(request), **data)

    return _form_page(request, form, assembly, _("Add a document"), save, _("Document added."))


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def question_add(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    form = QuestionForm(request.POST or None, initial={"kind": "motion"})

    def save(data: dict[str, Any]) -> None:
        services.question_add(assembly=assembly, actor=staff_user(request), **data)

    return _form_page(request, form, assembly, _("Add a motion or an election"), save, _("Added."))


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def proxy_add(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    form = ProxyForm(request.POST or None, members=active_members(request.organisation))

    def save(data: dict[str, Any]) -> None:
        services.proxy_record(
            assembly=assembly,
            giver=form.members[data["giver"]],
            holder=form.members[data["holder"]],
            actor=staff_user(request),
        )

    return _form_page(request, form, assembly, _("Record a proxy"), save, _("Proxy recorded."))


@require_POST
@admin_required
def proxy_remove(request: HavenRequest, pk: int, proxy: int) -> HttpResponse:
    assembly = _assembly(pk)
    found = get_object_or_404(Proxy, pk=proxy, assembly=assembly)
    try:
        services.proxy_remove(proxy=found, actor=staff_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Proxy removed."))
    return _back(request, assembly)


@require_POST
@admin_required
def candidacy_withdraw(request: HavenRequest, pk: int, candidacy: int) -> HttpResponse:
    assembly = _assembly(pk)
    found = get_object_or_404(Candidacy, pk=candidacy, question__assembly=assembly)
    try:
        services.candidacy_withdraw(candidacy=found, actor=staff_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(request, assembly)


STATUS_ACTIONS = {
    "announce": (services.assembly_announce, _("Announced: active members can read it and stand for the board.")),
    "open": (services.assembly_open, _("Voting is open.")),
    "close": (services.assembly_close, _("Voting is closed and the results are published.")),
}


@require_POST
@admin_required
def assembly_status(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    action = STATUS_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Choose what to do."))
    else:
        change, done = action
        try:
            change(assembly=assembly, actor=staff_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(done))
    return _back(request, assembly)


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def room_present(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    form = RoomForm(request.POST or None, initial={"room_present": assembly.room_present})

    def save(data: dict[str, Any]) -> None:
        services.room_present_set(assembly=assembly, present=data["room_present"], actor=staff_user(request))

    return _form_page(request, form, assembly, _("Members voting in the room"), save, _("Saved."))


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def room_counts(request: HavenRequest, pk: int, question: int) -> HttpResponse:
    assembly = _assembly(pk)
    found = get_object_or_404(Question, pk=question, assembly=assembly)
    options = list(found.options.all())
    current = {line.option_id: line.room for line in selectors.question_lines(found)}
    form = RoomCountForm(
        request.POST or None,
        options=options,
        labels={o.pk: selectors.option_label(o) for o in options},
        initial={f"option_{pk_}": count for pk_, count in current.items()},
    )

    def save(data: dict[str, Any]) -> None:
        services.room_counts_set(question=found, counts=form.counts(), actor=staff_user(request))

    heading = _("Votes in the room: %(title)s") % {"title": str(found)}
    return _form_page(request, form, assembly, heading, save, _("Room counts saved."))


@require_http_methods(["GET", "HEAD", "POST"])
@admin_required
def minutes(request: HavenRequest, pk: int) -> HttpResponse:
    assembly = _assembly(pk)
    form = MinutesForm(request.POST or None, initial={"minutes": assembly.minutes})

    def save(data: dict[str, Any]) -> None:
        services.minutes_save(assembly=assembly, actor=staff_user(request), minutes=data["minutes"])

    return _form_page(request, form, assembly, _("Minutes"), save, _("Minutes saved."))
