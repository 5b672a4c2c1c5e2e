from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory of services"

    def ready(self) -> None:
        from core.content import register_loader
        from directory import signals
        from directory.bundle import directory_load

        register_loader("directory", directory_load, order=30)
        signals.connect()
