from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Case management"

    def ready(self) -> None:
        from cases import registrations

        registrations.register()
