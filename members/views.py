"""Public and members' own pages: apply, confirm an address, sign in, see and change one's data, leave."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import Organisation
from accounts.selectors import organisation_by_slug
from audit.services import Action, audit_log
from core.clients import Throttle, hashed_name
from core.scopes import scope
from core.types import HavenRequest
from members import codes, selectors, services
from members.access import member_required, member_session_end, member_session_start, session_member
from members.forms import (
    ApplicationForm,
    ConfirmForm,
    NewCodeForm,
    PassphraseChangeForm,
    ProfileForm,
    ProposalForm,
    SignInForm,
    TasksForm,
)
from members.models import MemberKind, MemberStatus, Task

WINDOW = 15 * 60
sign_in_by_client = Throttle("member-sign-in-client", limit=20, window=WINDOW)
sign_in_by_code = Throttle("member-sign-in-code", limit=5, window=WINDOW)
apply_by_client = Throttle("member-apply-client", limit=10, window=60 * 60)


def _organisation(slug: str) -> Organisation:
    organisation = organisation_by_slug(slug)
    if organisation is None or not organisation.is_active:
        raise Http404
    return organisation


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _too_many() -> str:
    return _("Too many attempts. Wait 15 minutes and try again.")


@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HavenRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    form = ApplicationForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        if apply_by_client.hit(request.client_key) > apply_by_client.limit:
            form.add_error(None, _too_many())
        else:
            data = form.cleaned_data
            applied = services.member_apply(
                organisation=organisation,
                pseudonym=data["pseudonym"],
                kind=data["kind"],
                states_experience=data["states_experience"],
                passphrase=data["passphrase"],
                language=data["language"],
                email=data["email"],
                motivation=data["motivation"],
                base_url=_base_url(request),
            )
            # Shown once, in this answer only: the code is not kept anywhere readable.
            return render(
                request,
                "members/applied.html",
                {"organisation": organisation, "code": applied.code, "has_email": bool(data["email"])},
            )
    return render(request, "members/apply.html", {"organisation": organisation, "form": form})


@require_safe
def confirm_email(request: HavenRequest, org: str, token: str) -> HttpResponse:
    organisation = _organisation(org)
    member = services.member_email_confirm(organisation=organisation, token=token)
    return render(
        request, "members/email_confirmed.html", {"organisation": organisation, "confirmed": member is not None}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request: HavenRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code_key = hashed_name(codes.normalize_code(form.cleaned_data["code"]))
        if sign_in_by_client.blocked(request.client_key) or sign_in_by_code.blocked(code_key):
            form.add_error(None, _too_many())
        else:
            member = services.member_authenticate(
                organisation=organisation, code=form.cleaned_data["code"], passphrase=form.cleaned_data["passphrase"]
            )
            if member is None or member.status == MemberStatus.REFUSED:
                sign_in_by_client.hit(request.client_key)
                sign_in_by_code.hit(code_key)
                form.add_error(None, _("This member code and passphrase do not match."))
            elif member.status == MemberStatus.APPLIED:
                form.add_error(None, _("Your application is still waiting for a decision. Try again later."))
            else:
                sign_in_by_code.reset(code_key)
                member_session_start(request, member)
                return redirect("members:home", org=organisation.slug)
    return render(request, "members/sign_in.html", {"organisation": organisation, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def new_code(request: HavenRequest, org: str) -> HttpResponse:
    """A code given by staff after a member lost theirs: the member chooses a new passphrase with it."""
    organisation = _organisation(org)
    form = NewCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code_key = hashed_name(codes.normalize_code(form.cleaned_data["code"]))
        if sign_in_by_client.blocked(request.client_key) or sign_in_by_code.blocked(code_key):
            form.add_error(None, _too_many())
        else:
            member = services.member_claim_new_code(
                organisation=organisation, code=form.cleaned_data["code"], passphrase=form.cleaned_data["passphrase"]
            )
            if member is None:
                sign_in_by_client.hit(request.client_key)
                sign_in_by_code.hit(code_key)
                form.add_error("code", _("This code is not a new code. Sign in with it instead."))
            else:
                member_session_start(request, member)
                messages.success(request, _("Your new passphrase is saved."))
                return redirect("members:home", org=organisation.slug)
    return render(request, "members/new_code.html", {"organisation": organisation, "form": form})


@require_POST
def sign_out(request: HavenRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    member, _expired = session_member(request, organisation)
    if member is not None:
        with scope(organisation=organisation):
            audit_log(actor=None, action=Action.SIGN_OUT, target=member)
    member_session_end(request)
    messages.info(request, _("You are signed out."))
    return redirect("members:sign-in", org=organisation.slug)


@require_safe
@member_required()
def home(request: HavenRequest) -> HttpResponse:
    member = request.member
    audit_log(actor=None, action=Action.READ, target=member)
    return render(
        request,
        "members/home.html",
        {
            "organisation": request.organisation,
            "member": member,
            "is_active": member.kind == MemberKind.ACTIVE and member.status == MemberStatus.APPROVED,
            "is_voting": selectors.is_voting_member(member),
            "expired": selectors.is_expired(member),
            "task_labels": [label for value, label in Task.choices if value in (member.tasks or [])],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required()
def profile(request: HavenRequest) -> HttpResponse:
    member = request.member
    initial = {
        "pseudonym": member.pseudonym,
        "email": member.email,
        "language": member.language,
        "newsletter": member.newsletter,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.member_update(member=member, base_url=_base_url(request), **form.cleaned_data)
        messages.success(request, _("Your details are saved."))
        return redirect("members:home", org=request.organisation.slug)
    return render(
        request, "members/profile.html", {"organisation": request.organisation, "form": form, "member": member}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required()
def passphrase(request: HavenRequest) -> HttpResponse:
    form = PassphraseChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.member_passphrase_change(
            member=request.member, current=form.cleaned_data["current"], new=form.cleaned_data["passphrase"]
        ):
            messages.success(request, _("Your new passphrase is saved."))
            return redirect("members:home", org=request.organisation.slug)
        form.add_error("current", _("This is not your current passphrase."))
    return render(request, "members/passphrase.html", {"organisation": request.organisation, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@member_required(active_only=True)
def tasks(request: HavenRequest) -> HttpResponse:
    member = request.member
    form = TasksForm(request.POST or None, initial={"tasks": member.tasks})
    if request.method == "POST" and form.is_valid():
        services.member_tasks_set(member=member, tasks=form.cleaned_data["tasks"])
        messages.success(request, _("Thank you. The organisation will ask you when it needs help."))
        return redirect("members:home", org=request.organisation.slug)
    return render(request, "members/tasks.html", {"organisation": request.organisation, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@member_required(active_only=True)
def propose(request: HavenRequest) -> HttpResponse:
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.proposal_create(member=request.member, **form.cleaned_data)
        messages.success(request, _("Your proposal was sent. Someone from the organisation will get back to you."))
        return redirect("members:home", org=request.organisation.slug)
    return render(request, "members/propose.html", {"organisation": request.organisation, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@member_required()
def export(request: HavenRequest) -> HttpResponse:
    if request.method == "POST":
        member = request.member
        data = selectors.member_export(member)
        audit_log(actor=None, action=Action.EXPORT, target=member)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="membership-{stamp}.json"'
        return response
    return render(request, "members/export.html", {"organisation": request.organisation})


@require_http_methods(["GET", "HEAD", "POST"])
@member_required()
def leave(request: HavenRequest) -> HttpResponse:
    member = request.member
    days = selectors.settings_for(request.organisation).forget_after_days
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.member_leave(member=member)
        messages.success(request, _("You have left. Your data will be anonymised as announced."))
        return redirect("members:home", org=request.organisation.slug)
    return render(
        request,
        "members/leave.html",
        {"organisation": request.organisation, "form": form, "days": days, "member": member},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required()
def delete(request: HavenRequest) -> HttpResponse:
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = request.organisation
        services.member_forget(member=request.member)
        member_session_end(request)
        messages.success(request, _("Your data is deleted. Only a note that a member left, without any name, remains."))
        return redirect("members:sign-in", org=organisation.slug)
    return render(request, "members/delete.html", {"organisation": request.organisation, "form": form})
