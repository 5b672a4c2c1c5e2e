from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from core.clients import IDENTIFYING_META, client_address, client_fingerprint
from core.types import HavenRequest

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "browsing-topics=(), interest-cohort=(), display-capture=()"
)


class ClientPrivacyMiddleware:
    """First in the chain: derive a daily, keyed hash of the client, then forget who the client is.

    Nothing after this middleware (views, error reports, logs) can see the address or user agent.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HavenRequest) -> HttpResponse:
        request.client_key = client_fingerprint(client_address(request.META))
        for name in IDENTIFYING_META:
            request.META.pop(name, None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Strict headers on every response; pages are never stored by browsers or proxies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if "Cache-Control" not in response.headers:
            # Pages can show personal data and leave traces on a shared device: never keep them.
            response.headers["Cache-Control"] = "no-store"
        return response
