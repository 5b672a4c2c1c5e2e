"""``/metrics`` (Prometheus text format, behind a bearer token) and ``/livez`` (the bare view)."""

from __future__ import annotations

import hmac
import os
import time

from django.conf import settings
from django.db.models import Count, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ops import metrics

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_STARTED = time.time()


def _authorised(request: HttpRequest) -> bool:
    token = settings.HAVEN_METRICS_TOKEN
    if not token:
        return False
    given = request.headers.get("Authorization", "")
    scheme, _, value = given.partition(" ")
    # Constant time: the comparison takes as long whatever the first wrong character.
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _resident_bytes() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _job_lines() -> list[str]:
    from django_tasks_db.models import DBTaskResult

    lines = [
        "# HELP haven_jobs Background jobs in the queue by status (django_tasks_db).",
        "# TYPE haven_jobs gauge",
    ]
    by_status = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by())
    for status in ("READY", "RUNNING", "SUCCESSFUL", "FAILED"):
        lines.append(f'haven_jobs{{status="{status}"}} {by_status.get(status, 0)}')
    oldest = DBTaskResult.objects.filter(status="READY").aggregate(oldest=Min("enqueued_at"))["oldest"]
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    lines += [
        "# HELP haven_jobs_oldest_ready_seconds Age of the oldest job waiting for a worker.",
        "# TYPE haven_jobs_oldest_ready_seconds gauge",
        f"haven_jobs_oldest_ready_seconds {age:.3f}",
    ]
    return lines


@never_cache
@require_safe
def prometheus(request: HttpRequest) -> HttpResponse:
    """Counts and gauges only: route names, statuses, queue depth. No path, address, person or content."""
    if not _authorised(request):
        raise Http404  # the endpoint does not say that it exists
    counts, seconds = metrics.snapshot()
    lines = [
        "# HELP haven_requests_total Responses by route name and status.",
        "# TYPE haven_requests_total counter",
    ]
    for field in sorted(counts):
        route, _, status = field.rpartition("|")
        lines.append(f'haven_requests_total{{route="{_label(route)}",status="{_label(status)}"}} {counts[field]}')
    lines += [
        "# HELP haven_request_seconds_total Time spent answering, by route name and status.",
        "# TYPE haven_request_seconds_total counter",
    ]
    for field in sorted(seconds):
        route, _, status = field.rpartition("|")
        lines.append(
            f'haven_request_seconds_total{{route="{_label(route)}",status="{_label(status)}"}} {seconds[field]:.6f}'
        )
    lines += _job_lines()
    lines += [
        "# HELP haven_process_resident_bytes Resident memory of the web process that answered.",
        "# TYPE haven_process_resident_bytes gauge",
        f"haven_process_resident_bytes {_resident_bytes()}",
        "# HELP haven_process_start_time_seconds When the web process started (Unix time).",
        "# TYPE haven_process_start_time_seconds gauge",
        f"haven_process_start_time_seconds {_STARTED:.0f}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type=CONTENT_TYPE)


@never_cache
@require_safe
def livez(request: HttpRequest) -> HttpResponse:
    """Alive: answers without touching the database. Also the bare Django view of the load benchmark."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
