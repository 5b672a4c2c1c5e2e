from django.apps import AppConfig


class MailingConfig(AppConfig):
    name = "mailing"

    def ready(self) -> None:
        from core.registry import register_staff_links
        from mailing.links import staff_links

        register_staff_links("mailing", staff_links)
