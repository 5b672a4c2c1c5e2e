"""Plumbing shared by Haven's JSON APIs: they answer GET and HEAD, and every error they give is JSON."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

READ_METHODS = ("GET", "HEAD")


def json_response(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def json_error(status: int, message: str, parameter: str = "") -> JsonResponse:
    body = {"error": message}
    if parameter:
        body["parameter"] = parameter
    response = json_response(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def read_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET and HEAD (the same headers, no body); any other method gets a JSON 405 naming the allowed ones.

    Exempt from CSRF checks: these views change nothing, so a forged request has nothing to gain, and a POST
    must get the 405 in JSON rather than an HTML page about cookies.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in READ_METHODS:
            response: HttpResponse = json_error(405, "only GET and HEAD are allowed here")
            response["Allow"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Origin"] = "*"
            return response
        response = view(request, *args, **kwargs)
        if request.method == "HEAD" and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response

    return wrapper
