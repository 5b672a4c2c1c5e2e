"""The trafficking self-check: warning signs from PAG-ASA and the ILO's indicator groups, in the visitor's words.

Nothing is stored: the answers travel in one POST, are counted, and are forgotten with the response. The list
is the same for a person asking about themselves and for someone worried about another person; only the
wording changes. Sources and the day the facts were last checked are shown with the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lib.phones import international, tel_target

LAST_CHECKED = "2026-11-23"


@dataclass(frozen=True)
class Sign:
    slug: str
    self_text: Promise
    other_text: Promise


@dataclass(frozen=True)
class Group:
    slug: str
    title: Promise
    source: str
    signs: tuple[Sign, ...]


PAG_ASA = "https://www.pag-asa.be/fr/besoin-aide-professionnels"
ILO = "https://www.ilo.org/wcmsp5/groups/public/---ed_norm/---declaration/documents/publication/wcms_105023.pdf"

GROUPS = (
    Group(
        "freedom",
        _("Freedom and contacts"),
        PAG_ASA,
        (
            Sign("movement", _("I cannot go where I want, when I want."), _("They cannot go where they want.")),
            Sign(
                "contacts",
                _("I have almost no contact with friends or family."),
                _("They seem to have almost no friends or family around."),
            ),
            Sign(
                "papers",
                _("Someone else keeps my passport or identity card."),
                _("Someone else keeps their passport or identity card."),
            ),
            Sign("lives-at-work", _("I live where I work."), _("They live where they work.")),
        ),
    ),
    Group(
        "fear",
        _("Fear"),
        PAG_ASA,
        (
            Sign(
                "afraid-to-talk",
                _("I am afraid to talk about my situation."),
                _("They are afraid to talk about their situation."),
            ),
            Sign(
                "afraid-of-people", _("I am afraid of people around me."), _("They seem afraid of people around them.")
            ),
            Sign(
                "distrust",
                _("I have been told not to trust the police or other services."),
                _("They distrust the police and other services."),
            ),
            Sign(
                "violence",
                _("Someone hurts me, threatens me or my family."),
                _("They show signs of physical or psychological violence."),
            ),
        ),
    ),
    Group(
        "money",
        _("Work and money"),
        PAG_ASA,
        (
            Sign(
                "conditions",
                _("My working conditions are very bad (hours, rest, hygiene)."),
                _("Their working conditions are very bad."),
            ),
            Sign(
                "pay",
                _("I get little or none of the money I earn."),
                _("They get little or none of the money they earn."),
            ),
            Sign(
                "debt",
                _("I have a big debt to pay back to someone (travel, papers, housing)."),
                _("They have a big debt to pay back."),
            ),
        ),
    ),
    Group(
        "recruitment",
        _("How it started"),
        ILO,
        (
            Sign(
                "deceived",
                _("I was promised other work or other conditions than I got."),
                _("They were promised other work than they got."),
            ),
            Sign("forced", _("I was forced or pressured to start."), _("They were forced or pressured to start.")),
            Sign(
                "vulnerable",
                _("Someone used my situation (no papers, no money, no place to live) to make me start."),
                _("Someone used their situation (no papers, no money, no place to live) to make them start."),
            ),
        ),
    ),
)

SOURCES = (
    (_("PAG-ASA: signs of trafficking, for professionals"), PAG_ASA),
    (
        _(
            "International Labour Organization and European Commission: operational indicators of trafficking in "
            "human beings (2009), six groups: deceptive, coercive and abusive recruitment, exploitative conditions, "
            "coercion and abuse of vulnerability at destination"
        ),
        ILO,
    ),
    (
        _("ECPAT Belgium: the three recognised centres and what to do"),
        "https://ecpat.be/react-reagir-cas-de-suspicion-de-traite-etres-humains/",
    ),
    (
        _("Belgian government: stoptraite.be and 078 055 800"),
        "https://news.belgium.be/fr/une-nouvelle-rubrique-web-pour-renforcer-la-lutte-contre-la-traite-des-etres-humains",
    ),
)


@dataclass(frozen=True)
class Centre:
    name: str
    place: Promise
    address: str
    phone: str
    source: str
    region: str = "BE"

    @property
    def tel(self) -> str:
        return tel_target(self.phone, self.region)

    @property
    def display(self) -> str:
        return international(self.phone, self.region)


CENTRES = (
    Centre(
        "PAG-ASA",
        _("Brussels"),
        "Rue des Alexiens 16B, 1000 Bruxelles",
        "02 511 64 64",
        "https://www.lesmarolles.be/aide-aux-sans-abri/pag-asa",
    ),
    Centre(
        "Payoke",
        _("Antwerp"),
        "Leguit 4, 2000 Antwerpen",
        "03 201 16 90",
        "https://ecpat.be/react-reagir-cas-de-suspicion-de-traite-etres-humains/",
    ),
    Centre(
        "Sürya",
        _("Liège, for Wallonia"),
        "Rue Rouveroy 2, 4000 Liège",
        "04 232 40 30",
        "https://ecpat.be/react-reagir-cas-de-suspicion-de-traite-etres-humains/",
    ),
)
HOTLINE = Centre(
    "stoptraite.be",
    _("Belgium"),
    "",
    "078 055 800",
    "https://news.belgium.be/fr/une-nouvelle-rubrique-web-pour-renforcer-la-lutte-contre-la-traite-des-etres-humains",
)
# The Dutch coordination centre, as in content/knowledge/emergency/helplines.toml.
COMENSHA = Centre(
    "CoMensha",
    _("the Netherlands"),
    "",
    "033 448 11 86",
    "https://www.wegwijzermensenhandel.nl/zorgcoordinatoren/coordinatoren/comensha",
    "NL",
)


def all_slugs() -> set[str]:
    return {sign.slug for group in GROUPS for sign in group.signs}


def count_ticked(ticked: list[str]) -> int:
    """How many known signs were ticked (unknown values are ignored)."""
    return len(set(ticked) & all_slugs())
