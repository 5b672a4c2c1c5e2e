from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "My plan"

    def ready(self) -> None:
        from core.retention import register_purge
        from plans import checks  # noqa: F401  (registers the system checks)
        from plans.services import shares_purge_expired

        register_purge(
            "plan-share-snapshots", "shared plan snapshots, as soon as the share expires", shares_purge_expired
        )
