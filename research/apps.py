from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = "Research and media requests"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from research.demo import demo_seed
        from research.links import staff_links
        from research.services import purge_expired

        register_purge(
            "research-requests",
            "research and media requests, a year after the decision or after the date they needed an answer by",
            purge_expired,
        )
        register_demo_seeder("research", demo_seed, order=61)
        register_staff_links("research", staff_links)
