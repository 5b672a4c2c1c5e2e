"""Being signed in to a private plan, between two requests.

The plan's data key never rests where the server alone can read it. At sign-in a random *cookie key* is
made. The server-side session keeps the data key only sealed under that cookie key, and the cookie key
lives only in the visitor's browser: HttpOnly, SameSite=Strict cookies (Secure in production), one per
language, each sent to its ``/<lang>/plan/`` only (``haven_plan_nl`` to ``/nl/plan/``...), so the plan stays
open across a language switch. A session row without the cookie, or the cookie without the row, opens nothing.

One cookie name per path, because a response holds one ``Set-Cookie`` per cookie name: the same name set for
three paths would keep only the last, and the plan would open in one language only.

The plan locks after ``IDLE_TIMEOUT`` seconds without a request, on signing out and on the quick exit
(which flushes the whole session).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.types import HavenRequest
from crypto.primitives import DecryptionError, b64d, b64e, new_key, seal, unseal
from plans.models import Space

View = TypeVar("View", bound=Callable[..., HttpResponse])

COOKIE_PREFIX = "haven_plan_"  # + the language code: haven_plan_nl, haven_plan_fr, haven_plan_en
SESSION_TOKEN = "haven_plan"  # {space id, data key} sealed under the cookie key
SESSION_SEEN = "haven_plan_seen"  # last activity, seconds since the epoch
SESSION_PENDING = "haven_plan_pending"  # one-time secrets waiting to be shown, sealed under the cookie key
IDLE_TIMEOUT = 15 * 60  # lock after this many seconds without a request
TOUCH_EVERY = 20  # write the last activity at most this often
_AAD = b"haven.plans.session"


@dataclass
class PlanAccess:
    """An open plan for the length of one request: the space, its data key and the browser's cookie key."""

    space: Space
    key: bytes
    cookie_key: bytes


@dataclass
class Resolved:
    access: PlanAccess | None
    expired: bool = False
    had_cookie: bool = False


def cookie_paths() -> dict[str, str]:
    """Each plan cookie's name and the one path it is sent to."""
    return {f"{COOKIE_PREFIX}{code}": f"/{code}/plan/" for code, _name in settings.LANGUAGES}


def set_cookie(response: HttpResponse, cookie_key: bytes) -> HttpResponse:
    for name, path in cookie_paths().items():
        response.set_cookie(
            name,
            b64e(cookie_key),
            path=path,
            httponly=True,
            samesite="Strict",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def clear_cookie(response: HttpResponse) -> HttpResponse:
    for name, path in cookie_paths().items():
        response.delete_cookie(name, path=path, samesite="Strict")
    return response


def start(request: HttpRequest, *, space: Space, data_key: bytes) -> bytes:
    """Open the plan in this session; returns the cookie key, to be set with ``set_cookie``."""
    request.session.cycle_key()
    request.session.pop(SESSION_PENDING, None)
    cookie_key = new_key()
    payload = json.dumps({"space": space.pk, "key": b64e(data_key)}).encode()
    request.session[SESSION_TOKEN] = seal(cookie_key, payload, _AAD)
    request.session[SESSION_SEEN] = int(time.time())
    return cookie_key


def end(request: HttpRequest) -> None:
    for name in (SESSION_TOKEN, SESSION_SEEN, SESSION_PENDING):
        request.session.pop(name, None)


def _cookie_value(request: HttpRequest) -> str | None:
    """The plan cookie the browser sent: the one of this path's language (a browser sends no other)."""
    names = cookie_paths()
    language_name = f"{COOKIE_PREFIX}{request.path.split('/')[1]}"
    if language_name in request.COOKIES:
        return request.COOKIES[language_name]
    return next((request.COOKIES[name] for name in names if name in request.COOKIES), None)


def _cookie_key(request: HttpRequest) -> bytes | None:
    value = _cookie_value(request) or ""
    try:
        key = b64d(value) if value else b""
    except ValueError:
        return None
    return key if len(key) == 32 else None


def resolve(request: HttpRequest) -> Resolved:
    cookie_key = _cookie_key(request)
    token = request.session.get(SESSION_TOKEN)
    had_cookie = _cookie_value(request) is not None
    if cookie_key is None or not isinstance(token, str):
        return Resolved(None, had_cookie=had_cookie)
    now = int(time.time())
    seen = request.session.get(SESSION_SEEN, 0)
    if not isinstance(seen, int) or now - seen > IDLE_TIMEOUT:
        end(request)
        return Resolved(None, expired=True, had_cookie=had_cookie)
    try:
        payload = json.loads(unseal(cookie_key, token, _AAD))
        space_id, data_key = int(payload["space"]), b64d(payload["key"])
    except (DecryptionError, ValueError, KeyError, TypeError):
        return Resolved(None, had_cookie=had_cookie)
    space = Space.objects.filter(pk=space_id).first()
    if space is None:
        end(request)
        return Resolved(None, had_cookie=had_cookie)
    if now - seen >= TOUCH_EVERY:
        request.session[SESSION_SEEN] = now
    return Resolved(PlanAccess(space=space, key=data_key, cookie_key=cookie_key), had_cookie=had_cookie)


def plan_access(request: HttpRequest) -> PlanAccess:
    """The open plan of a request that passed ``plan_required``."""
    access = getattr(request, "plan", None)
    if not isinstance(access, PlanAccess):
        raise RuntimeError("plan_required must wrap this view")
    return access


def plan_required(view: View) -> View:
    """Views of an open plan: sets ``request.plan``, or sends the visitor to sign in (locked or signed out)."""

    @wraps(view)
    def wrapper(request: HavenRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        resolved = resolve(request)
        if resolved.access is None:
            if resolved.expired:
                minutes = IDLE_TIMEOUT // 60
                messages.info(
                    request,
                    _("Your plan was locked after %(minutes)d minutes without activity.") % {"minutes": minutes},
                )
            response = redirect("plans:sign-in")
            return clear_cookie(response) if resolved.had_cookie else response
        request.plan = resolved.access
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def pending_put(request: HttpRequest, access: PlanAccess, name: str, value: str) -> None:
    """Keep a one-time secret (a new recovery or share code) until it is shown: sealed, like the data key."""
    pending = dict(request.session.get(SESSION_PENDING) or {})
    pending[name] = seal(access.cookie_key, value.encode(), _AAD + b":" + name.encode())
    request.session[SESSION_PENDING] = pending


def pending_get(request: HttpRequest, access: PlanAccess, name: str) -> str | None:
    token = (request.session.get(SESSION_PENDING) or {}).get(name)
    if not isinstance(token, str):
        return None
    try:
        return unseal(access.cookie_key, token, _AAD + b":" + name.encode()).decode()
    except DecryptionError:
        return None


def pending_pop(request: HttpRequest, name: str) -> None:
    pending = dict(request.session.get(SESSION_PENDING) or {})
    if pending.pop(name, None) is not None:
        request.session[SESSION_PENDING] = pending
