"""Next steps from the directory and the knowledge base, matched to the goals' domains and the region.

These tests use the real selectors of both apps (``plans.selectors`` imports them directly) with real rows:
a service and an article made here, beside the bundled content."""

from datetime import date

import pytest

from directory.models import Organization, Service, ServiceArea, Status
from directory.selectors import services_for
from knowledge.models import Item, Kind, Revision, State, Topic, Translation
from knowledge.selectors import items_for_domains
from plans import selectors
from plans.models import PartKind
from vocabulary.models import Domain, Region

pytestmark = pytest.mark.usefixtures("vocabulary")


@pytest.fixture
def rows(db):
    """A housing service in Brussels, the same in Flanders, and an article about housing published only in Dutch."""
    provider = Organization.objects.create(slug="zz-test-provider", name={"en": "Test provider"})
    made = {}
    for region in ("brussels", "flanders"):
        service = Service.objects.create(
            organization=provider,
            slug=f"zz-housing-help-{region}",
            name={"en": f"Housing help {region.title()}", "nl": "Woonhulp"},
            description={"en": "Finding a room."},
            status=Status.ACTIVE,
            last_verified=date.today(),
        )
        service.domains.add(Domain.objects.get(slug="housing"))
        ServiceArea.objects.create(service=service, region=Region.objects.get(slug=region))
        made[region] = service
    topic = Topic.objects.create(slug="0-test-topic", name={"en": "Test"}, position=0)
    item = Item.objects.create(slug="0-only-in-dutch", kind=Kind.ARTICLE, topic=topic, source_language="nl")
    item.domains.add(Domain.objects.get(slug="housing"))
    translation = Translation.objects.create(
        item=item, language="nl", title="Alleen in het Nederlands", summary="Kort", body="Tekst."
    )
    revision = Revision.objects.create(
        translation=translation, number=1, title=translation.title, summary="Kort", state=State.PUBLISHED
    )
    translation.published_revision = revision
    translation.save()
    return made


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
def test_suggestions_match_the_goals_domains_and_the_region(plan, rows):
    _goals(plan, "housing", "work", "housing")
    html = plan.get("suggestions/").content.decode()
    assert "Services in Brussels" in html
    assert 'href="/en/directory/service/zz-housing-help-brussels/"' in html and "Housing help Brussels" in html
    assert "zz-housing-help-flanders" not in html  # another region
    for service in services_for(domains=["housing", "work"], region="brussels", lang="en", limit=8):
        assert f'href="{service.url}"' in html
    # a fallback is marked with its language
    assert '<a href="/en/knowledge/0-only-in-dutch/" lang="nl">Alleen in het Nederlands</a>' in html


@pytest.mark.django_db
def test_the_skills_page_shows_training_and_job_services_of_the_region(plan, rows):
    _goals(plan)
    html = plan.get("skills/").content.decode()
    expected = services_for(domains=["work", "training"], region="brussels", lang="en", limit=6)
    assert expected
    for service in expected:
        assert f'href="{service.url}"' in html
    assert "Housing help Brussels" not in html  # housing is not a skills domain


@pytest.mark.django_db
def test_without_goals_there_is_an_invitation_instead(plan, rows):
    html = plan.get("suggestions/").content.decode()
    assert "Add a goal first" in html
    assert "Housing help Brussels" not in html


@pytest.mark.django_db
def test_goals_already_reached_do_not_drive_suggestions(plan):
    goals = {"goals": [{"domain": "housing", "steps": [{"done_on": "2027-01-01"}]}, {"domain": "debt", "steps": []}]}
    assert selectors.goal_domains(goals) == ["debt"]


@pytest.mark.django_db
def test_the_planner_reads_what_the_real_selectors_return(rows):
    domains = ["housing"]
    services = selectors.directory_services(domains=domains, region="brussels", lang="en", limit=6)
    expected = services_for(domains=domains, region="brussels", lang="en", limit=6)
    assert [(s.title, s.url, s.summary, s.lang) for s in services] == [
        (e.title, e.url, e.summary, e.lang) for e in expected
    ]
    assert (
        selectors.Suggestion(
            "Housing help Brussels", "/en/directory/service/zz-housing-help-brussels/", "Finding a room.", "en"
        )
        in services
    )
    items = selectors.knowledge_items(domains=domains, lang="en", limit=6)
    shown = items_for_domains(domains=domains, lang="en", limit=6)
    assert [s.url for s in items] == [s.url for s in shown]
    assert selectors.Suggestion("Alleen in het Nederlands", "/en/knowledge/0-only-in-dutch/", "Kort", "nl") in items


@pytest.mark.django_db
def test_no_domains_means_no_suggestions_and_no_query(rows, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert selectors.directory_services(domains=[], region="brussels", lang="en") == []
        assert selectors.knowledge_items(domains=[], lang="en") == []


@pytest.mark.django_db
def test_a_region_without_services_for_the_goals_says_so(plan, rows):
    Service.objects.filter(domains__slug="debt").update(status=Status.INACTIVE)
    _goals(plan, "debt")
    response = plan.get("suggestions/")
    assert response.status_code == 200
    assert b"No services to suggest yet." in response.content
    assert plan.read(PartKind.GOALS).data["goals"]
