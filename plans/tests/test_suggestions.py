"""Next steps from the directory and the knowledge base, matched to the goals' domains and the region."""

import sys
import types

import pytest

from plans import selectors
from plans.models import PartKind

pytestmark = pytest.mark.usefixtures("vocabulary")


class Service:
    def __init__(self, name, slug):
        self.name = name
        self.slug = slug

    def get_absolute_url(self):
        return f"/en/directory/services/{self.slug}/"


@pytest.fixture
def fake_apps(monkeypatch):
    calls = {}

    def services_for(*, domains, region, lang, limit):
        calls["services"] = {"domains": domains, "region": region, "lang": lang, "limit": limit}
        return [
            Service({"en": "Housing help Brussels", "nl": "Woonhulp"}, "housing-help"),
            {"name": "Somewhere else", "url": "https://elsewhere.example/"},  # not a link inside Haven: left out
        ]

    def items_for_domains(*, domains, lang, limit):
        calls["knowledge"] = {"domains": domains, "lang": lang, "limit": limit}
        return [{"title": {"nl": "Alleen in het Nederlands"}, "url": "/en/knowledge/x/", "summary": {"en": "Short"}}]

    directory = types.ModuleType("directory.selectors")
    directory.services_for = services_for
    knowledge = types.ModuleType("knowledge.selectors")
    knowledge.items_for_domains = items_for_domains
    monkeypatch.setitem(sys.modules, "directory.selectors", directory)
    monkeypatch.setitem(sys.modules, "knowledge.selectors", knowledge)
    return calls


def _goals(plan, *domains):
    plan.client.post("/en/plan/motivations/", {"version": 1, "region": "brussels"})
    for domain in domains:
        plan.post(
            "goals/new/",
            {
                "version": 0,
                "domain": domain,
                "title": f"Goal about {domain}",
                "steps-TOTAL_FORMS": 0,
                "steps-INITIAL_FORMS": 0,
                "steps-MIN_NUM_FORMS": 0,
                "steps-MAX_NUM_FORMS": 1000,
            },
        )


@pytest.mark.django_db
def test_suggestions_match_the_goals_domains_and_the_region(plan, fake_apps):
    _goals(plan, "housing", "work", "housing")
    html = plan.get("suggestions/").content.decode()
    assert fake_apps["services"] == {"domains": ["housing", "work"], "region": "brussels", "lang": "en", "limit": 8}
    assert fake_apps["knowledge"]["domains"] == ["housing", "work"]
    assert 'href="/en/directory/services/housing-help/"' in html and "Housing help Brussels" in html
    assert "elsewhere.example" not in html
    assert 'lang="nl"' in html and "Alleen in het Nederlands" in html  # a fallback is marked with its language
    assert "Services in Brussels" in html


@pytest.mark.django_db
def test_the_skills_page_shows_training_and_job_services_of_the_region(plan, fake_apps):
    _goals(plan)
    html = plan.get("skills/").content.decode()
    assert fake_apps["services"]["domains"] == ["work", "training"]
    assert fake_apps["services"]["region"] == "brussels"
    assert "Housing help Brussels" in html


@pytest.mark.django_db
def test_without_goals_there_is_an_invitation_instead(plan, fake_apps):
    html = plan.get("suggestions/").content.decode()
    assert "Add a goal first" in html
    assert "services" not in fake_apps


@pytest.mark.django_db
def test_goals_already_reached_do_not_drive_suggestions(plan):
    goals = {"goals": [{"domain": "housing", "steps": [{"done_on": "2027-01-01"}]}, {"domain": "debt", "steps": []}]}
    assert selectors.goal_domains(goals) == ["debt"]


@pytest.mark.django_db
def test_while_the_other_apps_have_no_selectors_there_are_no_suggestions(plan, monkeypatch):
    monkeypatch.setitem(sys.modules, "directory.selectors", types.ModuleType("directory.selectors"))
    monkeypatch.setitem(sys.modules, "knowledge.selectors", None)  # import fails
    _goals(plan, "housing")
    response = plan.get("suggestions/")
    assert response.status_code == 200
    assert b"No services to suggest yet." in response.content
    assert b"No articles to suggest yet." in response.content
    assert plan.read(PartKind.GOALS).data["goals"]


def test_the_shapes_the_directory_and_knowledge_base_return_are_read():
    from dataclasses import dataclass

    @dataclass
    class ServiceSuggestion:
        title: str
        summary: str
        url: str
        lang: str
        slug: str

    @dataclass
    class Translation:
        title: str
        summary: str
        language: str

    @dataclass
    class Shown:
        translation: Translation
        url: str

    service = selectors._suggestion(ServiceSuggestion("Actiris", "Jobs", "/fr/directory/service/a/", "fr", "a"), "en")
    assert service == selectors.Suggestion("Actiris", "/fr/directory/service/a/", "Jobs", "fr")
    article = selectors._suggestion(Shown(Translation("Budget", "Short", "nl"), "/en/knowledge/budget/"), "en")
    assert article == selectors.Suggestion("Budget", "/en/knowledge/budget/", "Short", "nl")
    assert selectors._suggestion(ServiceSuggestion("X", "", "//evil.example/", "en", "x"), "en") is None


@pytest.mark.django_db
def test_the_real_selectors_are_used_when_the_apps_provide_them():
    directory = pytest.importorskip("directory.selectors")
    knowledge = pytest.importorskip("knowledge.selectors")
    if not hasattr(directory, "services_for") or not hasattr(knowledge, "items_for_domains"):
        pytest.skip("the directory or the knowledge base does not offer suggestions yet")
    domains = ["work", "training", "health"]
    expected_services = directory.services_for(domains=domains, region=None, lang="en", limit=6)
    expected_items = knowledge.items_for_domains(domains=domains, lang="en", limit=6)
    services = selectors.directory_services(domains=domains, region=None, lang="en", limit=6)
    items = selectors.knowledge_items(domains=domains, lang="en", limit=6)
    assert len(services) == len(expected_services) and len(items) == len(expected_items)
    assert all(s.url.startswith("/en/directory/") and s.title for s in services)
    assert all(s.url.startswith("/en/knowledge/") and s.title for s in items)
