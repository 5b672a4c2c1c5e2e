"""Staff sign-in with a mandatory second factor, sessions, and security settings."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import selectors, services, throttle
from accounts.access import (
    is_editor,
    mark_reauthenticated,
    organisations_of,
    reauth_required,
    recently_authenticated,
    staff_required,
    staff_user,
)
from accounts.forms import CodeForm, LoginForm, ReauthForm, RecoveryCodeForm, SetPasswordForm
from accounts.middleware import STAFF_SESSION_KEY
from accounts.models import Role, StaffSession, TOTPDevice, User, WebAuthnCredential
from accounts.throttle import account_of_name, account_of_user, client_of, code_throttle, password_throttle
from core.registry import staff_links
from core.types import HavenRequest
from knowledge import selectors as knowledge_selectors

PENDING_USER = "haven_pending_user"
PENDING_AT = "haven_pending_at"
PENDING_NEXT = "haven_pending_next"
SETUP_DEVICE = "haven_setup_device"
PENDING_MAX_AGE = 5 * 60
TOO_MANY = _lazy("Too many attempts. Wait 15 minutes and try again.")


def _next_url(request: HttpRequest, value: str | None) -> str | None:
    if (
        value
        and value.startswith("/")
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return None


def _pending_user(request: HttpRequest) -> User | None:
    user_id, at = request.session.get(PENDING_USER), request.session.get(PENDING_AT, 0)
    if not user_id or time.time() - at > PENDING_MAX_AGE:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def _complete_login(request: HttpRequest, user: User, *, then: str | None = None) -> HttpResponse:
    next_url = request.session.get(PENDING_NEXT)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    staff_session = services.staff_session_start(user=user)
    request.session[STAFF_SESSION_KEY] = staff_session.key
    mark_reauthenticated(request)
    code_throttle.succeeded(client_key=client_of(request), account=account_of_user(user.pk))
    response = redirect(then or _next_url(request, next_url) or "accounts:home")
    throttle.remember_device(request, response, user.email)
    return response


def _code_blocked(request: HttpRequest, user: User) -> bool:
    return code_throttle.blocked(
        client_key=client_of(request),
        account=account_of_user(user.pk),
        known_device=throttle.known_device(request, user.email),
    )


def _code_failed(request: HttpRequest, user: User) -> None:
    code_throttle.failed(client_key=client_of(request), account=account_of_user(user.pk))


@require_http_methods(["GET", "HEAD", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        client_key, account = client_of(request), account_of_name(email)
        if password_throttle.blocked(
            client_key=client_key, account=account, known_device=throttle.known_device(request, email)
        ):
            form.add_error(None, str(TOO_MANY))
        else:
            user = authenticate(request, email=email, password=form.cleaned_data["password"])
            if user is None:
                password_throttle.failed(client_key=client_key, account=account)
                # The same words whether or not the account exists.
                form.add_error(None, _("That email address and password do not match an active account."))
            else:
                password_throttle.succeeded(client_key=client_key, account=account)
                request.session.cycle_key()
                request.session[PENDING_USER] = user.pk
                request.session[PENDING_AT] = int(time.time())
                request.session[PENDING_NEXT] = request.GET.get("next", "")
                if user.has_second_factor:  # type: ignore[attr-defined]
                    return redirect("accounts:verify")
                return redirect("accounts:setup-totp")
    return render(request, "accounts/login.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _code_blocked(request, user):
            form.add_error(None, str(TOO_MANY))
        elif services.totp_verify(user=user, code=form.cleaned_data["code"]):
            return _complete_login(request, user)
        else:
            _code_failed(request, user)
            form.add_error("code", _("That code is not right, or it was already used. Try the newest code."))
    has_webauthn = user.webauthn_credentials.exists()
    return render(
        request,
        "accounts/verify.html",
        {"form": form, "has_webauthn": has_webauthn, "has_totp": user.totp_devices.filter(confirmed=True).exists()},
    )


def _qr_svg(uri: str) -> str:
    return mark_safe(segno.make(uri, error="m").svg_inline(scale=4, border=2, dark="#1d2330", light="#ffffff"))


@require_http_methods(["GET", "HEAD", "POST"])
def setup_totp_view(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: during first sign-in, or later (after re-authentication)."""
    user: Any = request.user if request.user.is_authenticated else _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    if request.user.is_authenticated:
        if not recently_authenticated(request):
            return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': request.path})}")
    elif user.has_second_factor:
        return redirect("accounts:verify")
    device = TOTPDevice.objects.filter(pk=request.session.get(SETUP_DEVICE, 0), user=user, confirmed=False).first()
    if device is None:
        device = services.totp_device_start(user=user)
        request.session[SETUP_DEVICE] = device.pk
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_confirm(device=device, code=form.cleaned_data["code"]):
            request.session.pop(SETUP_DEVICE, None)
            if request.user.is_authenticated:
                messages.success(request, _("Your authenticator app is set up."))
                return redirect("accounts:security")
            if not services.recovery_codes_left(user=user):
                return _complete_login(request, user, then=reverse("accounts:recovery-codes"))
            return _complete_login(request, user)
        form.add_error("code", _("That code is not right. Check the time on your phone and try the newest code."))
    uri = services.totp_provisioning_uri(device)
    return render(request, "accounts/setup_totp.html", {"form": form, "qr_svg": _qr_svg(uri), "secret": device.secret})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    session = getattr(request, "staff_session", None)
    if session is not None:
        services.staff_session_end(session=session, reason="signed-out")
    logout(request)
    messages.success(request, _("You are signed out."))
    return redirect("core:home")


@staff_required
def home_view(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    memberships = selectors.memberships_of(user=user)
    editor = is_editor(user)
    return render(
        request,
        "accounts/home.html",
        {
            "memberships": memberships,
            "organisations": organisations_of(user),
            "case_organisations": organisations_of(user, roles=(Role.CASEWORKER, Role.ADMIN)),
            "listing_organisations": organisations_of(user, roles=(Role.ADMIN, Role.EDITOR)),
            "is_editor": editor,
            "in_review": list(knowledge_selectors.revisions_in_review(limit=20)) if editor else [],
            "recovery_codes_left": services.recovery_codes_left(user=user),
            "module_links": staff_links(user),
        },
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def sessions_view(request: HavenRequest) -> HttpResponse:
    current = request.staff_session
    user = staff_user(request)
    if request.method == "POST":
        if request.POST.get("all_others"):
            count = services.staff_sessions_end_all(user=user, except_key=current.key)
            messages.success(
                request,
                ngettext("%(count)d other session ended.", "%(count)d other sessions ended.", count) % {"count": count},
            )
        else:
            session_id = request.POST.get("session", "")
            if not session_id.isdigit():
                raise Http404
            session = get_object_or_404(StaffSession, pk=int(session_id), user=user)
            services.staff_session_end(session=session, reason="ended")
            if session.pk == current.pk:
                logout(request)
                messages.success(request, _("You are signed out."))
                return redirect("core:home")
            messages.success(request, _("The session has ended."))
        return redirect("accounts:sessions")
    sessions = StaffSession.objects.filter(user=user).order_by("-last_seen_at")[:20]
    return render(request, "accounts/sessions.html", {"sessions": sessions, "current": current})


@staff_required
@require_POST
def keepalive_view(request: HavenRequest) -> HttpResponse:
    session = request.staff_session
    session.last_seen_at = timezone.now()
    session.save(update_fields=["last_seen_at"])
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"ok": True, "idle_timeout": settings.HAVEN_STAFF_IDLE_TIMEOUT})
    return redirect(_next_url(request, request.POST.get("next")) or "accounts:home")


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def reauth_view(request: HttpRequest) -> HttpResponse:
    form = ReauthForm(request.POST or None)
    user = staff_user(request)
    if request.method == "POST" and form.is_valid():
        if _code_blocked(request, user):
            form.add_error(None, str(TOO_MANY))
        elif user.check_password(form.cleaned_data["password"]) and services.second_factor_verify(
            user=user, code=form.cleaned_data["code"]
        ):
            mark_reauthenticated(request)
            return redirect(_next_url(request, request.GET.get("next")) or "accounts:home")
        else:
            _code_failed(request, user)
            form.add_error(None, _("The password or the code is not right."))
    return render(
        request,
        "accounts/reauth.html",
        {
            "form": form,
            "has_webauthn": user.webauthn_credentials.exists(),
            "next": _next_url(request, request.GET.get("next")) or "",
        },
    )


@staff_required
def security_view(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    return render(
        request,
        "accounts/security.html",
        {
            "has_totp": user.totp_devices.filter(confirmed=True).exists(),
            "webauthn_credentials": user.webauthn_credentials.all(),
            "recovery_codes_left": services.recovery_codes_left(user=user),
            "module_links": staff_links(user),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def recovery_login_view(request: HttpRequest) -> HttpResponse:
    """Second step with a recovery code, for someone whose phone or key is lost."""
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Please sign in again."))
        return redirect("accounts:login")
    form = RecoveryCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _code_blocked(request, user):
            form.add_error(None, str(TOO_MANY))
        elif services.recovery_code_use(user=user, code=form.cleaned_data["code"]):
            left = services.recovery_codes_left(user=user)
            messages.warning(
                request,
                ngettext(
                    "You signed in with a recovery code. %(count)d code is left.",
                    "You signed in with a recovery code. %(count)d codes are left.",
                    left,
                )
                % {"count": left},
            )
            return _complete_login(request, user, then=reverse("accounts:security"))
        else:
            _code_failed(request, user)
            form.add_error("code", _("That recovery code is not right, or it was already used."))
    return render(request, "accounts/recovery_login.html", {"form": form})


@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def recovery_codes_view(request: HttpRequest) -> HttpResponse:
    """Create new recovery codes. They are shown once, on the answer to the POST, and never again."""
    user = staff_user(request)
    if request.method == "POST":
        codes = services.recovery_codes_create(user=user)
        return render(request, "accounts/recovery_codes_new.html", {"codes": codes})
    return render(request, "accounts/recovery_codes.html", {"left": services.recovery_codes_left(user=user)})


def reauth_then(request: HttpRequest, back: str) -> HttpResponse | None:
    """For a POST-only action: if the last check is old, confirm first and come back to ``back`` (a page that
    can be fetched), not to the action's own address, which answers only POST."""
    if recently_authenticated(request):
        return None
    return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': back})}")


@staff_required
@require_POST
def webauthn_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    if (confirm := reauth_then(request, reverse("accounts:security"))) is not None:
        return confirm
    user = staff_user(request)
    credential = get_object_or_404(WebAuthnCredential, pk=pk, user=user)
    try:
        services.webauthn_credential_remove(user=user, credential=credential)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The security key is removed."))
    return redirect("accounts:security")


@reauth_required
@require_safe
def data_export_view(request: HttpRequest) -> HttpResponse:
    """A staff member downloads everything Haven holds about them."""
    response = JsonResponse(services.user_export(user=staff_user(request)), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="haven-my-data.json"'
    return response


@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete_view(request: HttpRequest) -> HttpResponse:
    """A staff member deletes their own account, after confirming who they are."""
    user = staff_user(request)
    error = ""
    if request.method == "POST" and request.POST.get("confirm") == "delete":
        try:
            services.user_delete(actor=user, user=user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            logout(request)
            messages.success(request, _("Your staff account is deleted."))
            return redirect("core:home")
    return render(request, "accounts/account_delete.html", {"error": error})


@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def password_change_view(request: HavenRequest) -> HttpResponse:
    user = staff_user(request)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_set(user=user, password=form.cleaned_data["password1"])
        services.staff_sessions_end_all(
            user=user,
            except_key=request.staff_session.key,
            reason="password-changed",
        )
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password is changed. Your other sessions were ended."))
        return redirect("accounts:security")
    return render(request, "accounts/password_change.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def set_password_view(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """From an invitation email: choose a password (the second factor is set up at first sign-in)."""
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64).decode()), is_active=True)
    except (ValueError, User.DoesNotExist):
        raise Http404 from None
    if not default_token_generator.check_token(user, token):
        return render(request, "accounts/set_password_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_set(user=user, password=form.cleaned_data["password1"])
        messages.success(request, _("Your password is set. Sign in to set up your second factor."))
        return redirect("accounts:login")
    return render(request, "accounts/set_password.html", {"form": form})
