"""Progress over time, from the goals' ticked steps and the journal's milestones."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Achievement:
    date: str  # ISO date
    text: str
    kind: str  # "step", "goal" or "milestone"


@dataclass
class Progress:
    steps_total: int = 0
    steps_done: int = 0
    goals_total: int = 0
    goals_done: int = 0
    achievements: list[Achievement] = field(default_factory=list)  # newest first
    by_month: list[tuple[str, int]] = field(default_factory=list)  # ("2027-03", count), oldest first

    @property
    def percent(self) -> int:
        return round(100 * self.steps_done / self.steps_total) if self.steps_total else 0


def goal_done_on(goal: dict[str, Any]) -> str:
    """The day the last step of a goal was ticked, or "" while a step is open (or it has none)."""
    steps = goal.get("steps") or []
    if not steps or any(not step["done_on"] for step in steps):
        return ""
    return max(step["done_on"] for step in steps)


def progress(goals: dict[str, Any], journal: dict[str, Any]) -> Progress:
    result = Progress()
    for goal in goals.get("goals", []):
        result.goals_total += 1
        for step in goal["steps"]:
            result.steps_total += 1
            if step["done_on"]:
                result.steps_done += 1
                result.achievements.append(Achievement(step["done_on"], step["text"], "step"))
        done_on = goal_done_on(goal)
        if done_on:
            result.goals_done += 1
            result.achievements.append(Achievement(done_on, goal["title"], "goal"))
    for entry in journal.get("entries", []):
        if entry["milestone"]:
            result.achievements.append(Achievement(entry["date"], entry["text"], "milestone"))
    result.achievements.sort(key=lambda item: item.date, reverse=True)
    months: dict[str, int] = {}
    for item in result.achievements:
        months[item.date[:7]] = months.get(item.date[:7], 0) + 1
    result.by_month = sorted(months.items())
    return result
