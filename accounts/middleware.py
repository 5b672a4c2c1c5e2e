from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import StaffSession
from accounts.services import session_expired_reason, staff_session_end, staff_session_touch
from core.types import HavenRequest

STAFF_SESSION_KEY = "haven_staff_session"


class StaffSessionMiddleware:
    """Enforce the inactivity and absolute timeouts, and sessions ended from another device."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HavenRequest) -> HttpResponse:
        if request.user.is_authenticated:
            key = request.session.get(STAFF_SESSION_KEY)
            session = StaffSession.objects.filter(key=key, user=request.user).first() if key else None
            reason = "missing" if session is None else session_expired_reason(session)
            if reason is not None:
                if session is not None:
                    staff_session_end(session=session, reason=reason)
                logout(request)
                if reason == "idle":
                    minutes = settings.HAVEN_STAFF_IDLE_TIMEOUT // 60
                    messages.info(
                        request,
                        _("You were signed out after %(minutes)d minutes without activity.") % {"minutes": minutes},
                    )
                else:
                    messages.info(request, _("Your session has ended. Please sign in again."))
                login_url = reverse(settings.LOGIN_URL)
                return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
            assert session is not None
            staff_session_touch(session=session)
            request.staff_session = session
        return self.get_response(request)
