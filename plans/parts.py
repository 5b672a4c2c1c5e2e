"""The JSON document of each plan part: its empty form and a tolerant reader.

Documents are decrypted from the database, so ``clean`` never trusts their shape: a missing or odd value
becomes its empty default instead of an error, and older documents keep working as fields are added.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from plans.models import PartKind

KINDS: tuple[str, ...] = tuple(PartKind.values)
MAX_TEXT = 5000
MAX_ITEMS = 100

MOTIVATION_FIELDS = ("why", "dreams", "obstacles", "helps")


def new_id() -> str:
    return secrets.token_hex(4)


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _date(value: Any) -> str:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return ""
    return ""


def _id(value: Any) -> str:
    return value if isinstance(value, str) and value.isalnum() and len(value) <= 16 else new_id()


def _list(value: Any) -> list[Any]:
    return value[:MAX_ITEMS] if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _slugs(value: Any) -> list[str]:
    return sorted({item for item in _list(value) if isinstance(item, str) and len(item) <= 40})


def _amounts(value: Any) -> dict[str, str]:
    return {str(key): item for key, item in _dict(value).items() if isinstance(item, str) and len(item) <= 20}


def clean_motivations(doc: dict[str, Any]) -> dict[str, Any]:
    cleaned = {name: _text(doc.get(name)) for name in MOTIVATION_FIELDS}
    cleaned["region"] = _text(doc.get("region"), 40)
    return cleaned


def clean_step(step: Any) -> dict[str, Any]:
    step = _dict(step)
    return {
        "id": _id(step.get("id")),
        "text": _text(step.get("text"), 300),
        "target": _date(step.get("target")),
        "done_on": _date(step.get("done_on")),
    }


def clean_goal(goal: Any) -> dict[str, Any]:
    goal = _dict(goal)
    steps = [clean_step(step) for step in _list(goal.get("steps"))]
    return {
        "id": _id(goal.get("id")),
        "domain": _text(goal.get("domain"), 40),
        "title": _text(goal.get("title"), 300),
        "target": _date(goal.get("target")),
        "steps": [step for step in steps if step["text"]],
    }


def clean_goals(doc: dict[str, Any]) -> dict[str, Any]:
    return {"goals": [clean_goal(goal) for goal in _list(doc.get("goals"))]}


def clean_budget(doc: dict[str, Any]) -> dict[str, Any]:
    fund = _dict(doc.get("fund"))
    return {
        "costs": _amounts(doc.get("costs")),
        "income": _amounts(doc.get("income")),
        "savings": _text(doc.get("savings"), 20),
        "fund": {
            "target": _text(fund.get("target"), 20),
            "amount": _text(fund.get("amount"), 20),
            "period": "week" if fund.get("period") == "week" else "month",
        },
        "notes": _text(doc.get("notes")),
    }


def clean_skills(doc: dict[str, Any]) -> dict[str, Any]:
    return {"skills": _slugs(doc.get("skills")), "other": _text(doc.get("other")), "ideas": _text(doc.get("ideas"))}


def clean_contact(contact: Any) -> dict[str, Any]:
    contact = _dict(contact)
    return {
        "id": _id(contact.get("id")),
        "name": _text(contact.get("name"), 200),
        "reach": _text(contact.get("reach"), 300),
        "when": _text(contact.get("when"), 500),
    }


def clean_network(doc: dict[str, Any]) -> dict[str, Any]:
    contacts = [clean_contact(contact) for contact in _list(doc.get("contacts"))]
    return {"contacts": [contact for contact in contacts if contact["name"]]}


def clean_safety(doc: dict[str, Any]) -> dict[str, Any]:
    return {"done": _slugs(doc.get("done")), "notes": _text(doc.get("notes"))}


def clean_entry(entry: Any) -> dict[str, Any]:
    entry = _dict(entry)
    return {
        "id": _id(entry.get("id")),
        "date": _date(entry.get("date")),
        "text": _text(entry.get("text")),
        "milestone": entry.get("milestone") is True,
    }


def clean_journal(doc: dict[str, Any]) -> dict[str, Any]:
    entries = [clean_entry(entry) for entry in _list(doc.get("entries"))]
    entries = [entry for entry in entries if entry["text"] and entry["date"]]
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return {"entries": entries}


CLEANERS = {
    PartKind.MOTIVATIONS.value: clean_motivations,
    PartKind.GOALS.value: clean_goals,
    PartKind.BUDGET.value: clean_budget,
    PartKind.SKILLS.value: clean_skills,
    PartKind.NETWORK.value: clean_network,
    PartKind.SAFETY.value: clean_safety,
    PartKind.JOURNAL.value: clean_journal,
}


def clean(kind: str, doc: Any) -> dict[str, Any]:
    return CLEANERS[kind](_dict(doc))


def empty(kind: str) -> dict[str, Any]:
    return clean(kind, {})


def is_empty(kind: str, doc: dict[str, Any]) -> bool:
    return clean(kind, doc) == empty(kind)


def find(items: list[dict[str, Any]], item_id: str) -> dict[str, Any] | None:
    return next((item for item in items if item.get("id") == item_id), None)
