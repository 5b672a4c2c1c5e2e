"""CSRF protection that works with ``Referrer-Policy: no-referrer``.

Under that policy browsers send ``Origin: null`` (and no Referer) even for same-origin form posts, so
Django's origin and referer checks would refuse every form. We accept such a request only when the
browser itself says it is same-origin (``Sec-Fetch-Site``, which a page cannot forge); the CSRF token
is still checked on every request as before.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware


def _browser_says_same_origin(request: HttpRequest) -> bool:
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


class CsrfMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request: HttpRequest) -> bool:  # type: ignore[misc]
        if request.META.get("HTTP_ORIGIN") == "null" and _browser_says_same_origin(request):
            return True
        return bool(super()._origin_verified(request))  # type: ignore[misc]

    def _check_referer(self, request: HttpRequest) -> None:  # type: ignore[misc]
        if "HTTP_REFERER" not in request.META and _browser_says_same_origin(request):
            return
        super()._check_referer(request)  # type: ignore[misc]
