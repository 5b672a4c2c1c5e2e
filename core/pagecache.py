"""Rendered public pages, kept for a minute in each web process, for visitors without a session.

Most visits are anonymous reads of pages that change only when staff edit content: the home page, the knowledge
pages, the directory, search results and the open APIs. ``@public_page`` serves such a view's response from memory
when the same address was rendered shortly before, for the same kind of visitor; the middleware still runs for
every request (security headers, compression, language), so a page from memory leaves exactly as a fresh one.

What keeps it safe:

- **Only for visitors without a session.** A request carrying any cookie but the discreet-mode preference
  (session, staff, plan, CSRF: ``core.middleware.PUBLIC_COOKIES``) neither reads nor fills the cache; the
  preference is part of the key. Nothing personal can be stored or handed to someone else.
- **Only what could be shared.** A response is kept only if it is a 200 with no cookie set, no CSRF token used
  (no form with a token), no session written, no message queued and no ``Cache-Control: private``/``no-store``.
- **Fresh.** An entry lives ``HAVEN_PAGE_CACHE_SECONDS`` (default 60: "open now" and expiring warnings move with the
  clock). Saving or deleting any row of a public-content app (``PUBLIC_CONTENT_APPS``) changes a generation number
  in the shared cache, at once and again when the transaction commits, and every process drops what it rendered
  before. Bulk writes that send no signals (``load_content``, ``import_hsds``) call ``content_changed()``. With the
  per-process cache of the embedded default, a command run beside the server reaches it only through the timeout.
- **Bounded.** At most ``HAVEN_PAGE_CACHE_MB`` (default 16) per process, least recently used first out, no entry
  larger than a sixteenth of that: a visitor asking for endless distinct addresses only pushes pages out.
  ``HAVEN_PAGE_CACHE_MB=0`` turns it off.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation

from core.middleware import PUBLIC_COOKIES

# Apps whose rows public pages show. A save or delete in any of them renews every public page, except in the
# models that anyone may write without signing in and that no public page shows (otherwise anyone could empty
# every process's pages at will): searches that found nothing, suggestions of corrections.
PUBLIC_CONTENT_APPS = frozenset({"knowledge", "directory", "vocabulary", "search"})
NOT_PUBLIC_CONTENT = frozenset({"search.missedquery", "directory.suggestion"})
GENERATION_KEY = "haven:pages:generation"
R = TypeVar("R", bound=HttpResponseBase)


@dataclass(frozen=True)
class Entry:
    generation: str
    stored_at: float
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


class PageCache:
    """A least-recently-used store bounded by bytes, shared by the threads of one process."""

    def __init__(self, *, max_bytes: int, seconds: float) -> None:
        self.max_bytes, self.seconds = max_bytes, seconds
        self.max_entry_bytes = max_bytes // 16
        self._entries: OrderedDict[tuple[Any, ...], Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._bytes

    def get(self, key: tuple[Any, ...], generation: str, now: float) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.generation != generation or now - entry.stored_at >= self.seconds:
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple[Any, ...], entry: Entry) -> bool:
        if len(entry.content) > self.max_entry_bytes:
            return False
        with self._lock:
            if key in self._entries:
                self._remove(key)
            self._entries[key] = entry
            self._bytes += len(entry.content)
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._entries)))
        return True

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _remove(self, key: tuple[Any, ...]) -> None:
        self._bytes -= len(self._entries.pop(key).content)


PAGES = PageCache(max_bytes=settings.HAVEN_PAGE_CACHE_MB * 1024 * 1024, seconds=settings.HAVEN_PAGE_CACHE_SECONDS)


def generation() -> str:
    """The current content generation, shared by every process through the cache."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        current = cache.get(GENERATION_KEY)
    return str(current)


def content_changed() -> None:
    """Public content changed: every page rendered before is stale, in every process."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)


def _changed(**_kwargs: Any) -> None:
    content_changed()
    # Again after the commit: a page rendered between the save and the commit showed the old rows.
    transaction.on_commit(content_changed)


def connect_content_signals(models: list[type[Model]]) -> None:
    """Called by core's AppConfig with every model of PUBLIC_CONTENT_APPS (per model, so that deleting rows of
    other models keeps Django's fast path)."""
    for model in models:
        if model._meta.label_lower in NOT_PUBLIC_CONTENT:
            continue
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through  # type: ignore[attr-defined]
            m2m_changed.connect(
                _changed, sender=through, dispatch_uid=f"pagecache-m2m-{model._meta.label}.{field.name}"
            )


def keep_out(response: R) -> R:
    """Mark a response that must be rendered every time (a view that counts something on each request)."""
    response._haven_keep_out = True  # type: ignore[attr-defined]
    return response


def _readable(request: HttpRequest) -> bool:
    return PAGES.max_bytes > 0 and request.method in ("GET", "HEAD") and not set(request.COOKIES) - PUBLIC_COOKIES


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "_haven_keep_out", False):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    # Read, the session of a visitor without a cookie is empty for everyone; written, it would become a cookie.
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    queued = getattr(request, "_messages", None)  # a message would be sent as a cookie, after this
    if queued is not None and getattr(queued, "added_new", False):
        return False
    control = response.headers.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


def _key(request: HttpRequest) -> tuple[Any, ...]:
    return (
        request.get_host(),
        request.is_secure(),
        request.get_full_path(),
        translation.get_language(),
        tuple(sorted(request.COOKIES.items())),
    )


def public_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Serve the view's response from memory for visitors without a session (see the module's notes)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _readable(request):
            return view(request, *args, **kwargs)
        current, key, now = generation(), _key(request), time.monotonic()
        entry = PAGES.get(key, current, now)
        if entry is not None:
            return entry.response()
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()  # type: ignore[attr-defined]
        if _storable(request, response):
            content = response.content  # type: ignore[attr-defined]
            headers = tuple((name, value) for name, value in response.headers.items())
            PAGES.put(key, Entry(current, now, response.status_code, headers, content))
        return response

    return wrapper
