"""An organisation's admins read their organisation's access log, filter it and export it as CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts import selectors as account_selectors
from accounts.access import organisation_required, staff_user
from accounts.models import Organisation, Role
from audit.forms import ACTION_LABELS, AuditFilterForm
from audit.models import AuditEntry
from audit.selectors import actor_ids_in_log, organisation_log
from audit.services import Action, audit_log
from core.types import HavenRequest
from lib.spreadsheets import spreadsheet_safe

PER_PAGE = 50


def _actors(organisation: Organisation) -> dict[int, str]:
    """Everyone who appears in the organisation's log, or belongs to it now: number -> name."""
    ids = actor_ids_in_log(organisation_id=organisation.pk)
    ids |= set(organisation.memberships.values_list("user_id", flat=True))
    names = account_selectors.user_names(user_ids=ids)
    return {
        actor_id: names.get(actor_id) or _("Deleted account no. %(number)s") % {"number": actor_id}
        for actor_id in sorted(ids, key=lambda i: (names.get(i) is None, names.get(i) or "", i))
    }


def _filtered(request: HavenRequest, action: str) -> tuple[dict[int, str], AuditFilterForm, QuerySet[AuditEntry]]:
    """The log's people, the filter form and the filtered entries; reading or exporting them is itself logged."""
    organisation = request.organisation
    actors = _actors(organisation)
    form = AuditFilterForm(request.GET or None, actors=list(actors.items()))
    entries = organisation_log(organisation_id=organisation.pk, filters=form.filters())
    audit_log(
        actor=staff_user(request),
        action=action,
        target_type="audit.log",
        target_id=str(organisation.pk),
        organisation_id=organisation.pk,
    )
    return actors, form, entries


@organisation_required(Role.ADMIN)
@require_safe
def log_view(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    actors, form, entries = _filtered(request, Action.READ)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "entry": entry,
            "actor": actors.get(entry.actor_id, "") if entry.actor_id else _("Haven itself"),
            "action": ACTION_LABELS.get(entry.action, entry.action),
        }
        for entry in page.object_list
    ]
    return render(request, "audit/log.html", {"organisation": organisation, "form": form, "page": page, "rows": rows})


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(entries: Iterable[AuditEntry], actors: dict[int, str]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(["time", "actor_number", "actor", "action", "record_type", "record_number", "entry"])
    for entry in entries:
        yield writer.writerow(
            [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.actor_id or "",
                spreadsheet_safe(actors.get(entry.actor_id, "")) if entry.actor_id else "",
                entry.action,
                spreadsheet_safe(entry.target_type),
                spreadsheet_safe(entry.target_id),
                f"{entry.chain}#{entry.seq}",
            ]
        )


@organisation_required(Role.ADMIN)
@require_safe
def export_view(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    actors, _form, entries = _filtered(request, Action.EXPORT)
    stamp = datetime.now(tz=timezone.get_current_timezone()).strftime("%Y-%m-%d")
    response: HttpResponse = StreamingHttpResponse(  # type: ignore[assignment]
        _csv_lines(entries.iterator(), actors), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="access-log-{organisation.slug}-{stamp}.csv"'
    return response
