from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "safety"
    verbose_name = "Safety"

    def ready(self) -> None:
        from accounts.signals import organisation_offboarding
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from safety.demo import demo_seed
        from safety.navigation import staff_links
        from safety.services import alerts_purge_expired, reports_forget_for_organisation, reports_purge_closed

        register_purge(
            "safety-closed-reports",
            "safety reports (with their messages and photos), a year after they were closed",
            reports_purge_closed,
        )
        register_purge("safety-expired-warnings", "safety warnings, 90 days after they expired", alerts_purge_expired)
        register_demo_seeder("safety", demo_seed, order=60)
        register_staff_links("safety", staff_links)
        organisation_offboarding.connect(
            lambda sender, organisation, **kwargs: reports_forget_for_organisation(organisation=organisation),
            weak=False,
            dispatch_uid="safety_offboarding",
        )
