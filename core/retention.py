"""Data we must not keep: a registry of purge rules, run daily by `manage.py purge_expired`.

Each app registers what it deletes and after how long, in ``AppConfig.ready()``; the privacy document
(docs/privacy.md) lists the same rules, and a test ties the two together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.scopes import all_organisations


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    purge: Callable[[], int]


_rules: dict[str, Rule] = {}


def register_purge(name: str, description: str, purge: Callable[[], int]) -> None:
    _rules[name] = Rule(name, description, purge)


def rules() -> list[Rule]:
    return sorted(_rules.values(), key=lambda rule: rule.name)


PURGE_REASON = "purging data whose time is up"


def purge_all() -> dict[str, int]:
    """Run every rule, across every organisation: a platform-wide job, so it opens the "all" scope."""
    with all_organisations(reason=PURGE_REASON):
        return {rule.name: rule.purge() for rule in rules()}
