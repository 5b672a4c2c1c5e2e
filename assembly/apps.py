from django.apps import AppConfig


class AssemblyConfig(AppConfig):
    name = "assembly"
    verbose_name = "General assembly and elections"

    def ready(self) -> None:
        from assembly.demo import seed_demo
        from assembly.selectors import staff_links
        from assembly.signals import connect
        from core.registry import register_demo_seeder, register_staff_links

        register_staff_links("assembly", staff_links)
        register_demo_seeder("assembly", seed_demo, order=80)
        connect()
        from assembly.selectors import member_export_part
        from members.selectors import register_export_part

        register_export_part("general_assemblies", member_export_part)
