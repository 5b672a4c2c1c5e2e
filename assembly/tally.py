"""Counting a question: online ballots plus the chair's in-room counts, the quorum and the majority rule.

Pure functions over counts, so that the rules can be read and tested on their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Line:
    option_id: int
    role: str
    label: str
    online: int
    room: int

    @property
    def total(self) -> int:
        return self.online + self.room


def quorum_needed(eligible: int, percent: int) -> int:
    return math.ceil(eligible * percent / 100) if percent else 0


def motion_adopted(*, yes: int, no: int, abstain: int, majority: str) -> bool:
    if majority == "absolute":
        return yes * 2 > yes + no + abstain
    if majority == "two_thirds":
        return yes > 0 and yes * 3 >= (yes + no) * 2
    return yes > no


def count(
    *,
    kind: str,
    majority: str,
    seats: int,
    lines: list[Line],
    participations: int,
    receipts: int,
    eligible: int,
    quorum_percent: int,
) -> dict[str, Any]:
    online = sum(line.online for line in lines)
    room = sum(line.room for line in lines)
    votes = online + room
    needed = quorum_needed(eligible, quorum_percent)
    result: dict[str, Any] = {
        "options": [
            {"id": line.option_id, "role": line.role, "online": line.online, "room": line.room, "total": line.total}
            for line in lines
        ],
        "online_ballots": online,
        "participations": participations,
        "receipts": receipts,
        "room_votes": room,
        "votes": votes,
        "eligible": eligible,
        "quorum_needed": needed,
        "quorum_met": votes >= needed,
        "consistent": online == participations == receipts,
        "elected": [],
        "tie": False,
    }
    if not result["quorum_met"]:
        result["outcome"] = "no_quorum"
        return result
    if kind == "motion":
        totals = {line.role: line.total for line in lines}
        adopted = motion_adopted(
            yes=totals.get("yes", 0), no=totals.get("no", 0), abstain=totals.get("abstain", 0), majority=majority
        )
        result["outcome"] = "adopted" if adopted else "rejected"
        return result
    candidates = sorted((line for line in lines if line.role == "candidate"), key=lambda line: -line.total)
    eligible_lines = [line for line in candidates if line.total > 0]
    if majority == "absolute":
        eligible_lines = [line for line in eligible_lines if line.total * 2 > votes]
    elected = eligible_lines[:seats]
    if len(eligible_lines) > seats and eligible_lines[seats].total == eligible_lines[seats - 1].total:
        # A tie for the last seat: the assembly decides (a second round), Haven does not pick.
        last = eligible_lines[seats - 1].total
        elected = [line for line in elected if line.total > last]
        result["tie"] = True
    result["elected"] = [line.option_id for line in elected]
    result["outcome"] = "elected" if elected else "none_elected"
    return result
