"""The unsubscribe page: works from the link in any newsletter, without signing in, without a cookie."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.types import HavenRequest
from mailing import services
from mailing.tokens import read_token


@csrf_exempt  # the signed token in the address is the proof; no cookie is set or needed
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HavenRequest, token: str) -> HttpResponse:
    valid = read_token(token) is not None
    done = False
    if request.method == "POST" and valid:
        done = services.unsubscribe(token=token)
    return render(request, "mailing/unsubscribe.html", {"valid": valid, "done": done}, status=200 if valid else 404)
