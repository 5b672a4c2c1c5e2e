from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import webauthn
from accounts.access import reauth_required, staff_user
from accounts.views import _complete_login, _pending_user


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
