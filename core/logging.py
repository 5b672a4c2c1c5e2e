"""Logging that never records who a visitor is."""

from __future__ import annotations

import logging
import re

_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


class DropClientIdentifiers(logging.Filter):
    """Remove the request object from records and mask anything shaped like an IPv4 address."""

    def filter(self, record: logging.LogRecord) -> bool:
        for attr in ("request", "client_addr", "user_agent"):
            if hasattr(record, attr):
                setattr(record, attr, None)
        if record.args:
            record.msg = record.getMessage()
            record.args = None
        if isinstance(record.msg, str):
            record.msg = _IPV4.sub("[address removed]", record.msg)
        return True
