"""The private space: make one, sign in and out, recover, change the passphrase, delete everything."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.clients import Throttle, hashed_name
from plans import keys, services
from plans import session as plan_session
from plans.forms import ConfirmForm, PassphraseChangeForm, RecoverForm, SignInForm, SpaceCreateForm
from plans.models import PartKind
from plans.progress import progress
from plans.selectors import parts_read
from plans.session import plan_access, plan_required

WINDOW = 15 * 60
sign_in_by_client = Throttle("plan-sign-in-client", limit=20, window=WINDOW)
# Every door that tries a passphrase on a pseudonym (signing in, making a plan, recovering, changing the
# passphrase: the last three refuse a pseudonym and passphrase that already open a plan) draws on one budget
# per pseudonym, so that no door is a better oracle for someone else's passphrase than signing in.
guesses_by_name = Throttle("plan-pseudonym", limit=5, window=WINDOW)
create_by_client = Throttle("plan-create-client", limit=10, window=60 * 60)
recover_by_client = Throttle("plan-recover-client", limit=10, window=WINDOW)
RECOVERY_PENDING = "recovery"
PART_PAGES: dict[str, tuple[str, Any]] = {
    PartKind.MOTIVATIONS: ("plans:motivations", _l("Why you want to change, your dreams, what could get in the way.")),
    PartKind.GOALS: ("plans:goals", _l("Goals for each part of your life, in small steps with dates.")),
    PartKind.BUDGET: ("plans:budget", _l("Your monthly costs, other income, savings and an emergency fund.")),
    PartKind.SKILLS: ("plans:skills", _l("What you are good at, and the work that needs it.")),
    PartKind.NETWORK: ("plans:network", _l("The people and organisations you can count on, and when to call them.")),
    PartKind.SAFETY: ("plans:safety", _l("A checklist to stay safe and keep your privacy.")),
    PartKind.JOURNAL: ("plans:journal", _l("Notes along the way, and what you have achieved.")),
}


def _too_many() -> str:
    return _("Too many attempts. Wait 15 minutes and try again.")


def _name_key(*, pseudonym: str = "", lookup: str = "") -> str:
    """The throttle key of a pseudonym: a daily keyed hash of its keyed lookup (what a space stores)."""
    return hashed_name(lookup or keys.pseudonym_lookup(pseudonym))


def _open(request: HttpRequest, unlocked: services.Unlocked, *, code: str | None, to: str) -> HttpResponse:
    """Sign the plan in for this browser; a new recovery code waits, sealed, to be shown once."""
    cookie_key = plan_session.start(request, space=unlocked.space, data_key=unlocked.key)
    if code:
        access = plan_session.PlanAccess(space=unlocked.space, key=unlocked.key, cookie_key=cookie_key)
        plan_session.pending_put(request, access, RECOVERY_PENDING, code)
    return plan_session.set_cookie(redirect(to), cookie_key)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    resolved = plan_session.resolve(request)
    if resolved.access is None:
        welcome = {"locked": resolved.expired, "idle_minutes": plan_session.IDLE_TIMEOUT // 60}
        response = render(request, "plans/welcome.html", welcome)
        return plan_session.clear_cookie(response) if resolved.had_cookie else response
    access = resolved.access
    if plan_session.pending_get(request, access, RECOVERY_PENDING):
        return redirect("plans:recovery-code")
    docs = parts_read(space=access.space, key=access.key)
    context = {
        "parts": [
            {
                "label": label,
                "url": reverse(PART_PAGES[kind][0]),
                "description": PART_PAGES[kind][1],
                "started": not docs[kind].is_empty,
            }
            for kind, label in PartKind.choices
        ],
        "progress": progress(docs[PartKind.GOALS].data, docs[PartKind.JOURNAL].data),
        "idle_minutes": plan_session.IDLE_TIMEOUT // 60,
    }
    return render(request, "plans/index.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    form = SpaceCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        client_key = getattr(request, "client_key", "")
        name_key = _name_key(pseudonym=form.cleaned_data["pseudonym"])
        if create_by_client.blocked(client_key) or guesses_by_name.blocked(name_key):
            form.add_error(None, _too_many())
        else:
            # Counted before the work and whatever the answer: the answer then tells no more than a sign-in.
            create_by_client.hit(client_key)
            guesses_by_name.hit(name_key)
            try:
                unlocked, code = services.space_create(
                    pseudonym=form.cleaned_data["pseudonym"], passphrase=form.cleaned_data["passphrase"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _open(request, unlocked, code=code, to="plans:recovery-code")
    return render(request, "plans/create.html", {"form": form})


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def recovery_code(request: HttpRequest) -> HttpResponse:
    """The recovery code, shown until the person says they have kept it; then it is gone from the server."""
    access = plan_access(request)
    code = plan_session.pending_get(request, access, RECOVERY_PENDING)
    if code is None:
        return redirect("plans:index")
    if request.method == "POST":
        plan_session.pending_pop(request, RECOVERY_PENDING)
        messages.success(request, _("Your plan is ready. Everything you write here is encrypted."))
        return redirect("plans:index")
    return render(request, "plans/recovery_code.html", {"code": code})


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        pseudonym = form.cleaned_data["pseudonym"]
        client_key = getattr(request, "client_key", "")
        name_key = _name_key(pseudonym=pseudonym)
        if sign_in_by_client.blocked(client_key) or guesses_by_name.blocked(name_key):
            form.add_error(None, _too_many())
        else:
            unlocked = services.space_unlock(pseudonym=pseudonym, passphrase=form.cleaned_data["passphrase"])
            if unlocked is None:
                sign_in_by_client.hit(client_key)
                guesses_by_name.hit(name_key)
                # The same words whether the pseudonym is unknown or the passphrase is wrong.
                form.add_error(None, _("That pseudonym and passphrase do not open a plan. Check both and try again."))
            else:
                # No reset on success: anyone can open a plan of their own under the same pseudonym.
                return _open(request, unlocked, code=None, to="plans:index")
    return render(request, "plans/sign_in.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    plan_session.end(request)
    messages.info(request, _("Your plan is locked. Sign in again to open it."))
    return plan_session.clear_cookie(redirect("plans:index"))


@require_http_methods(["GET", "HEAD", "POST"])
def recover(request: HttpRequest) -> HttpResponse:
    form = RecoverForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        client_key = getattr(request, "client_key", "")
        name_key = _name_key(pseudonym=form.cleaned_data["pseudonym"])
        if recover_by_client.blocked(client_key) or guesses_by_name.blocked(name_key):
            form.add_error(None, _too_many())
        else:
            recover_by_client.hit(client_key)
            guesses_by_name.hit(name_key)
            try:
                result = services.space_recover(
                    recovery_code=form.cleaned_data["recovery_code"],
                    pseudonym=form.cleaned_data["pseudonym"],
                    passphrase=form.cleaned_data["passphrase"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if result is None:
                    form.add_error(
                        "recovery_code", _("That recovery code does not open a plan. Check it and try again.")
                    )
                else:
                    unlocked, code = result
                    messages.success(request, _("Your plan is open again with your new passphrase."))
                    return _open(request, unlocked, code=code, to="plans:recovery-code")
    return render(request, "plans/recover.html", {"form": form})


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def passphrase(request: HttpRequest) -> HttpResponse:
    access = plan_access(request)
    form = PassphraseChangeForm(request.POST if request.method == "POST" else None)
    name_key = _name_key(lookup=access.space.lookup)
    if request.method == "POST" and form.is_valid() and guesses_by_name.blocked(name_key):
        form.add_error(None, _too_many())
    elif request.method == "POST" and form.is_valid():
        guesses_by_name.hit(name_key)
        try:
            changed = services.passphrase_change(
                space=access.space,
                key=access.key,
                current=form.cleaned_data["current"],
                new=form.cleaned_data["passphrase"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("Your passphrase is changed. Use the new one next time."))
                return redirect("plans:index")
            form.add_error("current", _("That is not your current passphrase."))
    return render(request, "plans/passphrase.html", {"form": form})


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    access = plan_access(request)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.space_delete(space=access.space)
        request.session.flush()
        messages.success(request, _("Your plan is deleted. Nothing of it is left on Haven."))
        return plan_session.clear_cookie(redirect("plans:index"))
    return render(request, "plans/delete.html", {"form": form})
