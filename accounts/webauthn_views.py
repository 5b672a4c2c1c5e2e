from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import webauthn
from accounts.access import mark_reauthenticated, reauth_required, staff_required, staff_user
from accounts.views import TOO_MANY, _code_blocked, _code_failed, _complete_login, _next_url, _pending_user


def _json(body: str) -> HttpResponse:
    return HttpResponse(body, content_type="application/json")


@reauth_required
@require_POST
def register_options_view(request: HttpRequest) -> HttpResponse:
    return _json(webauthn.registration_options(request, staff_user(request)))


@reauth_required
@require_POST
def register_view(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    try:
        webauthn.credential_register(
            request, user=user, name=request.POST.get("name", ""), credential=request.POST.get("credential", "")
        )
    except webauthn.WebAuthnError:
        messages.error(request, _("The security key could not be added. Please try again."))
    else:
        messages.success(request, _("Your security key is added."))
    return redirect("accounts:security")


@require_POST
def login_options_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return _json('{"error": "sign in again"}')
    return _json(webauthn.authentication_options(request, user))


@require_POST
def login_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    try:
        webauthn.credential_authenticate(request, user=user, credential=request.POST.get("credential", ""))
    except webauthn.WebAuthnError:
        messages.error(request, _("The security key was not accepted. Please try again."))
        return redirect("accounts:verify")
    return _complete_login(request, user)


@staff_required
@require_POST
def reauth_options_view(request: HttpRequest) -> HttpResponse:
    return _json(webauthn.authentication_options(request, staff_user(request)))


@staff_required
@require_POST
def reauth_view(request: HttpRequest) -> HttpResponse:
    """Confirm it is you with the password and a security key (for members whose second step is a key)."""
    user = staff_user(request)
    back = f"{reverse('accounts:reauth')}?{urlencode({'next': request.GET.get('next', '')})}"
    if _code_blocked(request, user):
        messages.error(request, str(TOO_MANY))
        return redirect(back)
    try:
        if not user.check_password(request.POST.get("password", "")):
            raise webauthn.WebAuthnError("password")
        webauthn.credential_authenticate(request, user=user, credential=request.POST.get("credential", ""))
    except webauthn.WebAuthnError:
        _code_failed(request, user)
        messages.error(request, _("The password or the security key was not accepted. Please try again."))
        return redirect(back)
    mark_reauthenticated(request)
    return redirect(_next_url(request, request.GET.get("next")) or "accounts:home")
