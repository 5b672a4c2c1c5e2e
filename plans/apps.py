from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "My plan"

    def ready(self) -> None:
        from accounts.signals import organisation_offboarding
        from core.retention import register_purge
        from plans import checks  # noqa: F401  (registers the system checks)
        from plans.services import shares_purge_expired, shares_revoke_for_organisation

        register_purge(
            "plan-share-snapshots", "shared plan snapshots, as soon as the share expires", shares_purge_expired
        )
        organisation_offboarding.connect(
            lambda sender, organisation, **kwargs: shares_revoke_for_organisation(organisation=organisation),
            weak=False,
            dispatch_uid="plans_offboarding",
        )
