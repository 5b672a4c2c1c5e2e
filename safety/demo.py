"""Demo reports and warnings for `make run`, in the demo organisations, in three languages. Refused in production.

Made up for trying Haven. The demo reply codes below open the demo reports (README, "Demo accounts").
The perpetrator's number is the example Belgian mobile number of the phonenumbers library, not anyone's.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, Role
from accounts.selectors import members_of, organisation_by_slug
from core.scopes import scope
from safety import keys, services
from safety.models import Alert, Desk, ReplyCode, Report

DEMO_PHONE = "+32 450 00 12 34"  # phonenumbers.example_number_for_type("BE", MOBILE)
DEMO_CODES = {
    "demo-outreach": "DEMQ-RPTA-2345-6789-ABCD-EFGH-JKMN",
    "demo-exit": "DEMQ-RPTB-2345-6789-ABCD-EFGH-JKMN",
}

REPORTS = {
    "demo-outreach": {
        "kind": "violence",
        "region": "brussels",
        "what_happened": "Demo: een klant werd agressief toen ik een dienst weigerde en duwde me tegen de muur.",
        "appearance": "Demo: lang, donkere jas, ongeveer 40 jaar.",
        "phone": DEMO_PHONE,
        "wants_warning": True,
        "wants_help": True,
        "wants_match_news": True,
    },
    "demo-exit": {
        "kind": "refused-pay",
        "region": "flanders",
        "what_happened": "Demo: le client est parti sans payer et m'a menacée quand j'ai demandé l'argent.",
        "appearance": "Demo: petite voiture grise.",
        "phone": DEMO_PHONE,
        "wants_match_news": True,
    },
}

ANSWERS = {
    "demo-outreach": "Demo: thank you for telling us. Do you want to talk about it at our office, or by phone?",
    "demo-exit": "Demo : merci de nous l'avoir dit. Voulez-vous que nous vous aidions à porter plainte ?",
}

ALERT = {
    "en": "Demo: a client in Brussels became violent when a service was refused. Meet new clients in a safe place.",
    "nl": "Demo: een klant in Brussel werd gewelddadig toen een dienst geweigerd werd. "
    "Spreek nieuwe klanten af op een veilige plek.",
    "fr": "Démo : un client à Bruxelles est devenu violent quand un service a été refusé. "
    "Rencontrez les nouveaux clients dans un lieu sûr.",
}

DESKS = {"demo-outreach": ("BE", ["brussels", "wallonia"]), "demo-exit": ("BE", ["flanders"])}


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    made = 0
    with transaction.atomic():
        for slug, (country, regions) in DESKS.items():
            organisation = organisation_by_slug(slug)
            if organisation is None:
                continue
            Desk.objects.update_or_create(
                organisation=organisation, defaults={"country": country, "regions": regions, "is_open": True}
            )
            with scope(organisation=organisation):
                if Report.objects.exists():
                    continue
            made += _seed_report(organisation, slug)
    return f"{made} demo safety reports; reply codes {', '.join(DEMO_CODES.values())}"


def _seed_report(organisation: Organisation, slug: str) -> int:
    submitted = services.report_submit(organisation=organisation, country="BE", **REPORTS[slug])  # type: ignore[arg-type]
    with scope(organisation=organisation):
        ReplyCode.objects.filter(report=submitted.report).update(code_hash=keys.code_hash(DEMO_CODES[slug]))
    moderator = next(
        (m.user for m in members_of(organisation=organisation) if m.role in (Role.MODERATOR, Role.ADMIN)), None
    )
    if moderator is not None:
        services.staff_message_add(report=submitted.report, actor=moderator, body=ANSWERS[slug], internal=False)
        if slug == "demo-outreach" and not Alert.objects.filter(organisation=organisation).exists():
            services.alert_publish(
                organisation=organisation,
                actor=moderator,
                report=submitted.report,
                kind="violence",
                country="BE",
                region="brussels",
                description=ALERT,
                expires_on=timezone.localdate() + timedelta(days=60),
                phones=[DEMO_PHONE],
            )
    return 1
