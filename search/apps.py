from datetime import timedelta

from django.apps import AppConfig
from django.utils import timezone

MISSED_QUERIES_DAYS = 180


def _purge_missed_queries() -> int:
    from search.models import MissedQuery

    deleted, _ = MissedQuery.objects.filter(day__lt=timezone.localdate() - timedelta(days=MISSED_QUERIES_DAYS)).delete()
    return deleted


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from core.retention import register_purge

        register_purge(
            "missed-searches",
            f"counts of searches that found nothing, after {MISSED_QUERIES_DAYS} days",
            _purge_missed_queries,
        )
