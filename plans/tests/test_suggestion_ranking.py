"""Next steps ranked for the goal, with the real directory and knowledge base (the bundled content): a job or
housing goal is never answered with a trafficking-victim service first."""

import re

import pytest

from conftest import load_all_content
from directory.models import Service
from directory.selectors import services_for
from knowledge.models import Item
from knowledge.selectors import items_for_domains


def _goal(plan, domain: str) -> None:
    response = plan.post(
        "goals/new/",
        {
            "version": 0,
            "domain": domain,
            "title": f"A goal about {domain}",
            "steps-TOTAL_FORMS": 0,
            "steps-INITIAL_FORMS": 0,
            "steps-MIN_NUM_FORMS": 0,
            "steps-MAX_NUM_FORMS": 1000,
        },
    )
    assert response.status_code == 302


def _trafficking(slug: str) -> bool:
    return Service.objects.filter(slug=slug, domains__slug="trafficking").exists()


@pytest.fixture
def content(db):
    load_all_content()


@pytest.mark.django_db
@pytest.mark.parametrize("domains", [["work"], ["housing"], ["training"], ["work", "housing"]])
def test_a_job_or_housing_goal_gets_general_services_before_trafficking_victim_services(content, domains):
    found = [suggestion.slug for suggestion in services_for(domains=domains, region=None, lang="en", limit=10)]
    assert any(_trafficking(slug) for slug in found)  # the data has such services for these domains...
    assert not _trafficking(found[0])  # ...but none comes first
    first_specialist = next(i for i, slug in enumerate(found) if _trafficking(slug))
    assert all(_trafficking(slug) for slug in found[first_specialist:])  # they all come after the others


@pytest.mark.django_db
def test_a_trafficking_goal_still_gets_the_trafficking_services_first(content):
    found = [suggestion.slug for suggestion in services_for(domains=["trafficking"], region=None, lang="en", limit=3)]
    assert found and all(_trafficking(slug) for slug in found)


@pytest.mark.django_db
def test_the_service_most_focused_on_the_goal_comes_first(content):
    found = [suggestion.slug for suggestion in services_for(domains=["work"], region=None, lang="en", limit=10)]
    focus = [Service.objects.get(slug=slug).domains.exclude(slug="work").count() for slug in found]
    general = [count for slug, count in zip(found, focus, strict=True) if not _trafficking(slug)]
    assert general == sorted(general)  # fewest other domains first


@pytest.mark.django_db
def test_knowledge_for_a_housing_goal_does_not_start_with_a_trafficking_article(content):
    shown = items_for_domains(domains=["housing"], lang="en", limit=10)
    assert shown
    slugs = [entry.item.slug for entry in shown]
    flags = [Item.objects.filter(slug=slug, domains__slug="trafficking").exists() for slug in slugs]
    assert flags == sorted(flags)  # every article for trafficking victims after every other one


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_next_steps_page_for_a_job_goal_starts_with_a_job_service(content, plan, lang):
    _goal(plan, "work")
    html = plan.client.get(f"/{lang}/plan/suggestions/").content.decode()
    first = re.search(rf'href="/{lang}/directory/service/([a-z0-9-]+)/"', html)
    assert first, html[:3000]
    assert not _trafficking(first.group(1))
    assert Service.objects.filter(slug=first.group(1), domains__slug="work").exists()
