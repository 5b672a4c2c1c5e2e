from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

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


# Cookies whose presence does not make a page secret: the discreet-mode preference.
PUBLIC_COOKIES = frozenset({"haven_discreet"})


def may_compress(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether a response can be compressed without helping a BREACH attack, which guesses a secret in a compressed
    page from its length when the page also reflects what the attacker sends. Compressed: public pages and JSON
    for a visitor without a session (only the discreet-mode cookie, or none). Never: a page with a CSRF token
    (any form), a response that sets a cookie, anything asked with a session, staff, plan or CSRF cookie, and the
    private plan pages whatever their cookies."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return False
    if set(request.COOKIES) - PUBLIC_COOKIES:
        return False
    parts = request.path.split("/")
    return not (len(parts) > 2 and parts[2] == "plan")


class CompressionMiddleware(GZipMiddleware):
    """Django's gzip (with its random padding against length guessing), for responses ``may_compress`` allows.
    Static files are not its business: WhiteNoise, above it, serves them precompressed (gzip and brotli)."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if not may_compress(request, response):
            return response
        return super().process_response(request, response)
