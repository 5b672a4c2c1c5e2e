from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = "Outreach"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from outreach.demo import demo_seed
        from outreach.links import staff_links

        register_demo_seeder("outreach", demo_seed, order=60)
        register_staff_links("outreach", staff_links)
