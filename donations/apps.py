from django.apps import AppConfig


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = "Donations"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from donations.demo import demo_seed
        from donations.links import staff_links
        from donations.services import purge_expired

        register_purge(
            "donations-details",
            "bank statements not confirmed within a day; names, accounts and messages of gifts without a donor "
            "record after 400 days (amounts and dates stay)",
            purge_expired,
        )
        register_demo_seeder("donations", demo_seed, order=62)
        register_staff_links("donations", staff_links)
