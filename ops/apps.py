from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Haven: metrics, structured logs, backups and their restore drill, the read-replica router."""

    name = "ops"
    verbose_name = "Haven operations"
