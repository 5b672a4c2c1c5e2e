from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self) -> None:
        from core.content import register_loader
        from knowledge.bundle import knowledge_load

        register_loader("knowledge", knowledge_load, order=20)
