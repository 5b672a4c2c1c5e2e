from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Organisations and staff"

    def ready(self) -> None:
        from accounts import retention
        from core.retention import register_purge

        register_purge(
            "staff-sessions",
            f"staff sessions {retention.ENDED_SESSIONS_DAYS} days after they end",
            retention.purge_staff_sessions,
        )
        register_purge(
            "django-sessions",
            "browser sessions (staff and private plans) as soon as they expire",
            retention.purge_django_sessions,
        )
        register_purge(
            "unconfirmed-authenticators",
            "authenticator set-ups never confirmed, after a day",
            retention.purge_unconfirmed_authenticators,
        )
