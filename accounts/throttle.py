"""Sign-in throttling that a stranger cannot turn against a chosen staff member.

Failures count per account *and* client together (a daily keyed hash of the address, never the address):
someone guessing from their own device locks out only that device. A slower limit counts every failure on
the account, from anywhere, to stop guessing spread over many addresses; it does not apply in a browser where
the member has signed in fully before (a signed "known device" cookie), so they can still sign in from
where they succeed. A separate limit per client slows down one device trying many accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

from core.clients import Throttle, hashed_name

KNOWN_DEVICE_COOKIE = "haven_staff_device"
KNOWN_DEVICE_DAYS = 90
_KNOWN_DEVICE_SALT = "haven.accounts.known-device"
# The account-wide limit is this many times the per-device limit, over this many times the window.
ACCOUNT_LIMIT_FACTOR = 10
ACCOUNT_WINDOW_FACTOR = 4


@dataclass(frozen=True)
class AccountThrottle:
    name: str

    def _parts(self) -> tuple[Throttle, Throttle, Throttle]:
        window, limit = settings.HAVEN_LOGIN_WINDOW, settings.HAVEN_LOGIN_MAX_FAILURES
        return (
            Throttle(f"{self.name}-pair", limit=limit, window=window),
            Throttle(f"{self.name}-client", limit=limit * 4, window=window),
            Throttle(f"{self.name}-account", limit=limit * ACCOUNT_LIMIT_FACTOR, window=window * ACCOUNT_WINDOW_FACTOR),
        )

    def blocked(self, *, client_key: str, account: str, known_device: bool = False) -> bool:
        pair, client, everywhere = self._parts()
        if pair.blocked(f"{client_key}:{account}") or client.blocked(client_key):
            return True
        return everywhere.blocked(account) and not known_device

    def failed(self, *, client_key: str, account: str) -> None:
        pair, client, everywhere = self._parts()
        pair.hit(f"{client_key}:{account}")
        client.hit(client_key)
        everywhere.hit(account)

    def succeeded(self, *, client_key: str, account: str) -> None:
        pair, _client, _everywhere = self._parts()
        pair.reset(f"{client_key}:{account}")


password_throttle = AccountThrottle("login")
code_throttle = AccountThrottle("second-factor")


def account_of_name(name: str) -> str:
    return hashed_name(name)


def account_of_user(user_id: int) -> str:
    return f"user-{user_id}"


def client_of(request: HttpRequest) -> str:
    return str(getattr(request, "client_key", ""))


def _device_tag(email: str) -> str:
    return salted_hmac(_KNOWN_DEVICE_SALT, email.strip().lower()).hexdigest()[:32]


def known_device(request: HttpRequest, email: str) -> bool:
    """Whether this browser carries proof that this account signed in here fully (both factors) before."""
    value = request.COOKIES.get(KNOWN_DEVICE_COOKIE, "")
    if not value:
        return False
    try:
        tags = signing.loads(value, salt=_KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_DAYS * 24 * 3600)
    except signing.BadSignature:
        return False
    return isinstance(tags, list) and _device_tag(email) in tags


def remember_device(request: HttpRequest, response: HttpResponse, email: str) -> None:
    """After a full sign-in: mark this browser as one where the account signs in (no name, no address in it)."""
    tags: list[str] = []
    value = request.COOKIES.get(KNOWN_DEVICE_COOKIE, "")
    if value:
        try:
            loaded = signing.loads(value, salt=_KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_DAYS * 24 * 3600)
            tags = [t for t in loaded if isinstance(t, str)][-4:] if isinstance(loaded, list) else []
        except signing.BadSignature:
            tags = []
    tag = _device_tag(email)
    tags = [t for t in tags if t != tag] + [tag]
    response.set_cookie(
        KNOWN_DEVICE_COOKIE,
        signing.dumps(tags, salt=_KNOWN_DEVICE_SALT, compress=True),
        max_age=KNOWN_DEVICE_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
