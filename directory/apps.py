from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory of services"

    def ready(self) -> None:
        from core.content import register_loader
        from directory import signals
        from directory.bundle import directory_load

        register_loader("directory", directory_load, order=30)
        from core.retention import register_purge
        from directory.retention import DONE_SUGGESTIONS_DAYS, purge_done_suggestions

        register_purge(
            "directory-suggestions", f"handled corrections, {DONE_SUGGESTIONS_DAYS} days after", purge_done_suggestions
        )
        signals.connect()
