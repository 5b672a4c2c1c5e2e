from django.apps import AppConfig


class VolunteeringConfig(AppConfig):
    name = "volunteering"
    verbose_name = "Volunteers and internships"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from volunteering.demo import demo_seed
        from volunteering.links import staff_links
        from volunteering.services import purge_expired

        register_purge(
            "volunteering-applications",
            "volunteer and internship applications, a year after the decision or two years after they came",
            purge_expired,
        )
        register_demo_seeder("volunteering", demo_seed, order=60)
        register_staff_links("volunteering", staff_links)
