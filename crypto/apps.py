from django.apps import AppConfig


class CryptoConfig(AppConfig):
    name = "crypto"
    verbose_name = "Encryption at rest"

    def ready(self) -> None:
        from crypto import checks  # noqa: F401  (registers the key check)
