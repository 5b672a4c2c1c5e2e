"""A plan as plain sections of labelled text: for the read-only shared snapshot and the PDF export.

Labels are translated into the reader's language; what the person wrote is left as they wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plans import budget, checklist, skills
from plans.amounts import euros
from plans.models import PartKind
from plans.progress import goal_done_on
from plans.selectors import domain_names, region_name


@dataclass
class Entry:
    label: str
    text: str


@dataclass
class Section:
    kind: str
    title: str
    entries: list[Entry] = field(default_factory=list)


def nice_date(iso: str) -> str:
    try:
        return date_format(date.fromisoformat(iso), "DATE_FORMAT")
    except ValueError:
        return ""


def _motivations(doc: dict[str, Any]) -> list[Entry]:
    questions = [
        ("why", _("What makes you want to change?")),
        ("dreams", _("What are your dreams for the longer term?")),
        ("obstacles", _("What could get in the way?")),
        ("helps", _("What or who could help you keep going?")),
    ]
    entries = [Entry(label, doc[name]) for name, label in questions if doc[name]]
    if doc["region"]:
        entries.append(Entry(_("Region"), region_name(doc["region"]) or doc["region"]))
    return entries


def _goals(doc: dict[str, Any]) -> list[Entry]:
    names = domain_names()
    entries = []
    for goal in doc["goals"]:
        label = goal["title"]
        if goal["domain"]:
            label = f"{names.get(goal['domain'], goal['domain'])}: {label}"
        lines = []
        if goal["target"]:
            lines.append(_("Target date: %(date)s") % {"date": nice_date(goal["target"])})
        done_on = goal_done_on(goal)
        if done_on:
            lines.append(_("Reached on %(date)s") % {"date": nice_date(done_on)})
        for step in goal["steps"]:
            if step["done_on"]:
                lines.append("✓ " + step["text"] + " — " + _("done on %(date)s") % {"date": nice_date(step["done_on"])})
            elif step["target"]:
                lines.append("○ " + step["text"] + " — " + _("by %(date)s") % {"date": nice_date(step["target"])})
            else:
                lines.append("○ " + step["text"])
        entries.append(Entry(label, "\n".join(lines)))
    return entries


def _budget(doc: dict[str, Any]) -> list[Entry]:
    summary = budget.summarise(doc)
    if not summary.has_figures and not doc["notes"]:
        return []
    entries = [Entry(str(label), euros(doc["costs"][key])) for key, label in budget.COSTS if doc["costs"].get(key)]
    entries.append(Entry(_("Essential costs per month"), euros(summary.costs)))
    entries += [Entry(str(label), euros(doc["income"][key])) for key, label in budget.INCOME if doc["income"].get(key)]
    entries.append(Entry(_("Other income per month"), euros(summary.income)))
    entries.append(Entry(_("Savings"), euros(summary.savings)))
    if summary.months is not None:
        entries.append(Entry(_("Months you can manage without sex-work income"), str(summary.months)))
    if summary.fund_monthly:
        entries.append(Entry(_("Put aside for the emergency fund, per month"), euros(summary.fund_monthly)))
    if summary.fund_target:
        entries.append(Entry(_("Emergency fund target"), euros(summary.fund_target)))
    if summary.fund_target and summary.fund_months == 0:
        entries.append(Entry(_("Months until the target"), _("already reached")))
    elif summary.fund_months is not None:
        entries.append(Entry(_("Months until the target"), str(summary.fund_months)))
    if doc["notes"]:
        entries.append(Entry(_("Notes"), doc["notes"]))
    return entries


def _skills(doc: dict[str, Any]) -> list[Entry]:
    chosen = [str(skills.SKILL_BY_SLUG[slug].label) for slug in doc["skills"] if slug in skills.SKILL_BY_SLUG]
    entries = []
    if chosen:
        entries.append(Entry(_("Skills"), "\n".join(chosen)))
        sectors = [str(match.sector.label) for match in skills.sectors_for(doc["skills"])]
        entries.append(Entry(_("Sectors that value them"), ", ".join(sectors)))
    if doc["other"]:
        entries.append(Entry(_("Other things I am good at"), doc["other"]))
    if doc["ideas"]:
        entries.append(Entry(_("Work or training I would like to try"), doc["ideas"]))
    return entries


def _network(doc: dict[str, Any]) -> list[Entry]:
    entries = []
    for contact in doc["contacts"]:
        lines = []
        if contact["reach"]:
            lines.append(_("How to reach them: %(how)s") % {"how": contact["reach"]})
        if contact["when"]:
            lines.append(_("When to call them: %(when)s") % {"when": contact["when"]})
        entries.append(Entry(contact["name"], "\n".join(lines)))
    return entries


def _safety(doc: dict[str, Any]) -> list[Entry]:
    done = set(doc["done"])
    if not done and not doc["notes"]:
        return []
    entries = [
        Entry(("✓ " if item.slug in done else "○ ") + str(item.label), _("done") if item.slug in done else "")
        for item in checklist.ITEMS
    ]
    if doc["notes"]:
        entries.append(Entry(_("Notes"), doc["notes"]))
    return entries


def _journal(doc: dict[str, Any]) -> list[Entry]:
    return [
        Entry(nice_date(entry["date"]) + (" · " + _("milestone") if entry["milestone"] else ""), entry["text"])
        for entry in doc["entries"]
    ]


BUILDERS = {
    PartKind.MOTIVATIONS.value: _motivations,
    PartKind.GOALS.value: _goals,
    PartKind.BUDGET.value: _budget,
    PartKind.SKILLS.value: _skills,
    PartKind.NETWORK.value: _network,
    PartKind.SAFETY.value: _safety,
    PartKind.JOURNAL.value: _journal,
}


def outline(docs: dict[str, dict[str, Any]]) -> list[Section]:
    """Sections in the plan's order, for the parts given."""
    labels = dict(PartKind.choices)
    return [
        Section(kind=kind, title=str(labels[kind]), entries=BUILDERS[kind](docs[kind]))
        for kind in PartKind.values
        if kind in docs
    ]
