from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from core.context_processors import DISCREET_COOKIE
from core.pagecache import public_page


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_safe
@public_page
def browse_safely(request: HttpRequest) -> HttpResponse:
    return render(request, "core/browse_safely.html")


@csrf_exempt  # leaving must always work, even from a stale page; it can only sign out
@require_http_methods(["GET", "HEAD", "POST"])
def quick_exit(request: HttpRequest) -> HttpResponse:
    """The quick exit without JavaScript: end the session, clear this site's cache, go elsewhere."""
    request.session.flush()
    response = HttpResponseRedirect(settings.HAVEN_QUICK_EXIT_URL)
    response.delete_cookie(settings.SESSION_COOKIE_NAME)
    response.headers["Clear-Site-Data"] = '"cache"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _safe_next(request: HttpRequest, fallback: str) -> str:
    """A path on this site to go back to, or ``fallback`` (a URL name) for anything else."""
    candidate = request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(fallback)


@require_safe
def discreet_toggle(request: HttpRequest) -> HttpResponse:
    """Switch discreet mode. Remembered in a cookie that says only "on": no identifier.

    A plain link rather than a form, so that public pages need no CSRF cookie and set no cookie at all.
    The cookie ends with the browser session: no trace of Haven outlives the visit.
    """
    response = HttpResponseRedirect(_safe_next(request, "core:home"))
    if request.GET.get("on") == "1":
        response.set_cookie(DISCREET_COOKIE, "1", httponly=True, samesite="Lax", secure=request.is_secure())
    else:
        response.delete_cookie(DISCREET_COOKIE)
    return response


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "unavailable"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
