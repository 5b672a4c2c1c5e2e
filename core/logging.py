"""Logging that never records who a visitor is, nor what they looked for.

``scrub`` removes IPv4 and IPv6 addresses and query strings (search words with a timestamp are a visit
trace) from a finished log line. Django's logs use ``DropClientIdentifiers`` and ``ScrubbingFormatter``
(haven/settings.py); gunicorn uses ``GunicornLogger`` (deploy/gunicorn.conf.py), which scrubs its error
log (``Invalid request from ip=...``) and builds access lines without address, user agent, referer or
query string whatever the format asks for.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from typing import Any

from gunicorn.glogging import Logger as _GunicornBaseLogger

ADDRESS_REMOVED = "[address removed]"
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d])")
# Anything that could be an IPv6 address (hex digits, colons, dots for an embedded IPv4, a zone id):
# each candidate is parsed, so that times such as 12:39:11 are left alone.
_IPV6_CANDIDATE = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*(?:%[\w.-]+)?")
# A query string after a path: "/en/search/?q=words" keeps "/en/search/".
_QUERY = re.compile(r"(/[^\s?\"'<>]*)\?[^\s\"'<>]+")


def _ipv6(match: re.Match[str]) -> str:
    token = match.group(0)
    core = token.rstrip(":.")
    try:
        address = ipaddress.ip_address(core.split("%", 1)[0])
    except ValueError:
        return token
    if address.version != 6:
        return token
    return ADDRESS_REMOVED + token[len(core) :]


def scrub(text: str) -> str:
    """The text without IP addresses (v4 and v6) and without query strings."""
    text = _IPV6_CANDIDATE.sub(_ipv6, text)
    text = _IPV4.sub(ADDRESS_REMOVED, text)
    return _QUERY.sub(r"\1", text)


class DropClientIdentifiers(logging.Filter):
    """Remove the request object from records and scrub the message."""

    def filter(self, record: logging.LogRecord) -> bool:
        for attr in ("request", "client_addr", "user_agent"):
            if hasattr(record, attr):
                setattr(record, attr, None)
        if record.args:
            record.msg = record.getMessage()
            record.args = None
        if isinstance(record.msg, str):
            record.msg = scrub(record.msg)
        return True


class ScrubbingFormatter(logging.Formatter):
    """Scrub the whole formatted line, tracebacks included; optionally around another formatter."""

    def __init__(self, *args: Any, inner: logging.Formatter | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record) if self.inner else super().format(record)
        return scrub(text)


class GunicornLogger(_GunicornBaseLogger):  # type: ignore[misc]
    """Gunicorn's logger, minus anything that identifies a visitor (see the module docstring)."""

    # Request atoms that identify a visitor or hold what they typed; every request header ({...}i) too.
    BLANKED_ATOMS = ("h", "a", "f", "q", "u")

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if not isinstance(handler.formatter, ScrubbingFormatter):
                    handler.setFormatter(ScrubbingFormatter(inner=handler.formatter or logging.Formatter()))

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in list(atoms):
            if key in self.BLANKED_ATOMS or (key.startswith("{") and key.endswith(("}i", "}e"))):
                atoms[key] = "-"
        atoms["r"] = f"{environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')} {environ.get('SERVER_PROTOCOL')}"
        return atoms
