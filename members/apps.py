from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from members import demo, services
        from members.links import staff_links

        register_purge(
            "members-who-left",
            "Members who left are anonymised after the number of days their organisation sets (30 by default).",
            services.purge_left_members,
        )
        register_demo_seeder("members", demo.seed, order=60)
        register_staff_links("members", staff_links)
