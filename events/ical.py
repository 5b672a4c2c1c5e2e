"""An iCalendar (RFC 5545) feed of an organisation's published events, written by hand: a few lines of text.

The address of an event for sex workers only is never in the feed: anyone can subscribe to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.utils import timezone

from core.i18n import pick
from events.models import Event


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545, 3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(events: Iterable[Event], *, name: str, language: str, hidden_address: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Haven//Events//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    now = _stamp(timezone.now())
    for event in events:
        location = event.city if event.sex_workers_only else ", ".join(p for p in (event.address, event.city) if p)
        description = pick(event.description, language).text
        if event.sex_workers_only:
            description = f"{description}\n\n{hidden_address}".strip()
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.pk}@haven",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(event.starts_at)}",
            f"DTEND:{_stamp(event.ends_at)}",
            f"SUMMARY:{_escape(pick(event.title, language).text)}",
            f"LOCATION:{_escape(location)}",
            f"DESCRIPTION:{_escape(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
