from datetime import timedelta

from django.apps import AppConfig
from django.utils import timezone

FINISHED_TASKS_DAYS = 1


def _purge_finished_tasks() -> int:
    """Queued emails hold addresses and links: once sent (or failed), they go after a day."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=FINISHED_TASKS_DAYS)
    deleted, _ = DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()
    return deleted


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Haven core"

    def ready(self) -> None:
        from django.apps import apps

        from core import checks  # noqa: F401  (registers the shared-cache check)
        from core.pagecache import PUBLIC_CONTENT_APPS, connect_content_signals

        connect_content_signals(
            [
                model
                for config in apps.get_app_configs()
                if config.label in PUBLIC_CONTENT_APPS
                for model in config.get_models()
            ]
        )
        from core.retention import register_purge

        register_purge(
            "finished-tasks", f"finished background jobs after {FINISHED_TASKS_DAYS} day", _purge_finished_tasks
        )
