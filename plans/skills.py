"""Transferable skills and the sectors that value them: a static map, translated.

Built from what exit workers and the seed guide name (communication, negotiation, stress management,
adaptability, listening, resilience...) and the sectors they point to (social work, sales, hospitality,
administration, care, logistics, entrepreneurship).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Skill:
    slug: str
    label: Promise
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    slug: str
    label: Promise
    examples: Promise


SECTORS: tuple[Sector, ...] = (
    Sector("social-work", _("Social work"), _("peer support worker, outreach worker, youth worker, social assistant")),
    Sector("sales", _("Sales"), _("shop assistant, sales representative, call centre, estate agency")),
    Sector("hospitality", _("Hospitality"), _("reception, bar and restaurant, hotel, events, tourism")),
    Sector("administration", _("Administration"), _("office assistant, bookkeeping, secretary, data entry")),
    Sector("care", _("Care"), _("care assistant, home help, beauty and wellbeing, childcare")),
    Sector("logistics", _("Logistics"), _("warehouse, planning, delivery, purchasing")),
    Sector("entrepreneurship", _("Running your own business"), _("freelance, a shop, a service of your own")),
)

SKILLS: tuple[Skill, ...] = (
    Skill(
        "communication", _("Communicating with all kinds of people"), ("social-work", "sales", "hospitality", "care")
    ),
    Skill("negotiation", _("Negotiating and agreeing on terms"), ("sales", "entrepreneurship", "logistics")),
    Skill("stress", _("Staying calm under stress"), ("care", "hospitality", "logistics", "social-work")),
    Skill("adaptability", _("Adapting quickly to new situations"), ("hospitality", "logistics", "entrepreneurship")),
    Skill("listening", _("Listening well"), ("social-work", "care", "sales")),
    Skill("resilience", _("Resilience: carrying on after setbacks"), ("social-work", "care", "entrepreneurship")),
    Skill("empathy", _("Understanding what others need"), ("social-work", "care", "hospitality", "sales")),
    Skill("discretion", _("Discretion and keeping things confidential"), ("administration", "care", "social-work")),
    Skill("boundaries", _("Setting and keeping boundaries"), ("social-work", "care")),
    Skill("business", _("Running a business on your own"), ("entrepreneurship", "administration")),
    Skill("marketing", _("Advertising and presenting yourself online"), ("sales", "entrepreneurship")),
    Skill("money", _("Managing money and keeping accounts"), ("administration", "entrepreneurship")),
    Skill("planning", _("Planning appointments and time"), ("administration", "logistics", "hospitality")),
    Skill("languages", _("Speaking several languages"), ("hospitality", "sales", "social-work", "logistics")),
    Skill("safety", _("Judging risks and staying safe"), ("care", "social-work", "logistics")),
    Skill("customer-service", _("Making customers feel welcome"), ("hospitality", "sales", "care")),
)

SKILL_BY_SLUG = {skill.slug: skill for skill in SKILLS}
SECTOR_BY_SLUG = {sector.slug: sector for sector in SECTORS}


@dataclass
class SectorMatch:
    sector: Sector
    skills: list[Skill]


def sectors_for(skill_slugs: list[str]) -> list[SectorMatch]:
    """Sectors valuing at least one of the chosen skills, the best matches first."""
    chosen = [SKILL_BY_SLUG[slug] for slug in skill_slugs if slug in SKILL_BY_SLUG]
    matches = [
        SectorMatch(sector=sector, skills=[skill for skill in chosen if sector.slug in skill.sectors])
        for sector in SECTORS
    ]
    matches = [match for match in matches if match.skills]
    matches.sort(key=lambda match: -len(match.skills))
    return matches
