"""Sign-in throttling by a daily keyed hash of the client and of the account name: no addresses kept."""

from __future__ import annotations

from django.conf import settings

from core.clients import Throttle, hashed_name


def _throttles() -> tuple[Throttle, Throttle]:
    window, limit = settings.HAVEN_LOGIN_WINDOW, settings.HAVEN_LOGIN_MAX_FAILURES
    return (
        Throttle("login-client", limit=limit * 4, window=window),
        Throttle("login-name", limit=limit, window=window),
    )


def login_blocked(*, client_key: str, name: str) -> bool:
    by_client, by_name = _throttles()
    return by_client.blocked(client_key) or by_name.blocked(hashed_name(name))


def login_failed(*, client_key: str, name: str) -> None:
    by_client, by_name = _throttles()
    by_client.hit(client_key)
    by_name.hit(hashed_name(name))


def login_succeeded(*, name: str) -> None:
    _client, by_name = _throttles()
    by_name.reset(hashed_name(name))
