from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from events import demo, links, services
        from members.selectors import register_export_part
        from members.signals import member_forgotten

        register_purge(
            "event-registrations",
            "Registrations are deleted 30 days after their event ended.",
            services.registrations_purge_expired,
        )
        member_forgotten.connect(services.on_member_forgotten, weak=False, dispatch_uid="events_member_forgotten")
        register_export_part("event_registrations", services.member_registrations_export)
        register_demo_seeder("events", demo.seed, order=61)
        register_staff_links("events", links.staff_links)
