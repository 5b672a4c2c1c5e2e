from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url

DISCREET_COOKIE = "haven_discreet"


def language_links(request: HttpRequest) -> list[dict[str, str]]:
    path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and not path.startswith(f"/{code}/"):
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url})
    return links


def haven(request: HttpRequest) -> dict[str, Any]:
    return {
        "discreet": request.COOKIES.get(DISCREET_COOKIE) == "1",
        "quick_exit_url": settings.HAVEN_QUICK_EXIT_URL,
        "language_links": language_links(request),
        "site_name": settings.HAVEN_SITE_NAME,
        "idle_timeout": settings.HAVEN_STAFF_IDLE_TIMEOUT,
        "idle_warning": settings.HAVEN_STAFF_IDLE_WARNING,
        "idle_timeout_minutes": settings.HAVEN_STAFF_IDLE_TIMEOUT // 60,
        "idle_warning_minutes": max(1, settings.HAVEN_STAFF_IDLE_WARNING // 60),
    }
