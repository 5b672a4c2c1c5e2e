"""Structured logs: one JSON object per line, scrubbed like every other log line (core/logging.py).

Fields: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, and ``exception`` when there is one.
Nothing about the visitor: the request is dropped by ``core.logging.DropClientIdentifiers`` before it
gets here, and the finished line loses IP addresses and query strings.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from core.logging import GunicornLogger, ScrubbingFormatter, scrub


class JsonFormatter(ScrubbingFormatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return scrub(json.dumps(entry, ensure_ascii=False))


class JsonGunicornLogger(GunicornLogger):
    """Gunicorn's access lines as JSON: time, method, path (no query string), status, bytes, duration.

    The base class already blanks address, user agent, referer and query string; this one writes only
    the fields it names, so nothing else can slip in."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonFormatter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        entry = {
            "time": dt.datetime.now(tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "status": int(str(resp.status).split()[0]) if resp.status else None,
            "bytes": getattr(resp, "sent", None),
            "ms": round(request_time.total_seconds() * 1000, 1),
        }
        try:
            self.access_log.info(scrub(json.dumps(entry, ensure_ascii=False)))
        except Exception:  # noqa: BLE001 - a log line must never break a response
            self.error("Failed to write an access line")
