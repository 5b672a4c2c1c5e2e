"""What the planner's views share: the open plan, reading a part, and the version-conflict answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from plans.outline import Section, outline
from plans.selectors import PartDoc, part_read
from plans.session import PlanAccess, plan_access

CONFLICT = _(
    "This part was changed on another device or in another tab since you opened it, so nothing was saved. "
    "What you typed is still below. Compare it with what is saved now, then press Save again to keep "
    "your version."
)


def read(request: HttpRequest, kind: str) -> PartDoc:
    access = plan_access(request)
    return part_read(space=access.space, key=access.key, kind=kind)


def access_of(request: HttpRequest) -> PlanAccess:
    return plan_access(request)


def with_version(data: QueryDict, version: int, field: str = "version") -> QueryDict:
    """The submitted data with the part's current version, so that saving again is a deliberate overwrite."""
    copy = data.copy()
    copy[field] = str(version)
    return copy


def conflict_context(form: forms.Form, saved: PartDoc) -> dict[str, Any]:
    form.add_error(None, CONFLICT)
    sections: list[Section] = outline({saved.kind: saved.data})
    return {"conflict": True, "saved_sections": sections}
