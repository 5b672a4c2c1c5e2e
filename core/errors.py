"""Error pages in the visitor's language, with the quick exit like every other page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

API_PREFIX = "/api/"
API_MESSAGES = {400: "bad request", 403: "forbidden", 404: "not found", 500: "server error"}


def _error(request: HttpRequest, status: int) -> HttpResponse:
    if request.path.startswith(API_PREFIX):  # the JSON APIs answer every error in JSON
        response = JsonResponse({"error": API_MESSAGES[status]}, status=status)
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "core/error.html", {"status": status}, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form that cannot be trusted (expired, or sent from elsewhere): explain, keep calm, lose nothing."""
    return render(request, "core/csrf_failure.html", status=403)
