from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    name = "vocabulary"
    verbose_name = "Shared vocabulary"

    def ready(self) -> None:
        from core.content import register_loader
        from vocabulary.services import vocabulary_load

        register_loader("vocabulary", lambda overwrite_edits=False: vocabulary_load(), order=10)
