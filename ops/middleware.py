from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from ops import metrics


class RequestMetricsMiddleware:
    """Counts each response by route name and status (``/metrics``). The path itself is never kept:
    a route name (``plans:sign-in``) says which page, not what was in its address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name:
            route = match.view_name
        elif request.path.startswith(settings.STATIC_URL):
            route = "static"
        else:
            route = "unresolved"
        metrics.record(route, response.status_code, time.perf_counter() - started)
        return response
