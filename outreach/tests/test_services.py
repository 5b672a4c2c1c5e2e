import datetime

import pytest
from django.core.exceptions import ValidationError

from outreach import selectors
from outreach.demo import demo_seed
from outreach.testing import make_tally
from vocabulary.selectors import domains_with_slugs, region_by_slug

pytestmark = pytest.mark.django_db


def test_online_tallies_forget_any_place_and_fieldwork_forgets_a_platform(trio):
    online = make_tally(trio.org_a, setting="online", platform="webcam-platform", region=region_by_slug("brussels"))
    assert online.region is None and online.city is None
    offline = make_tally(trio.org_a, platform="dating-app")
    assert offline.platform == ""


def test_unknown_items_are_refused(trio):
    with pytest.raises(ValidationError):
        make_tally(trio.org_a, handed_out=["names"])


def test_the_summary_counts_people_items_and_topics_per_period(trio):
    topics = list(domains_with_slugs(["health", "housing"]))
    make_tally(trio.org_a, date=datetime.date(2026, 1, 5), contacts=3, topics=topics)
    make_tally(trio.org_a, date=datetime.date(2026, 4, 5), contacts=4, handed_out=["condoms", "lubricant"])
    make_tally(trio.org_a, date=datetime.date(2026, 4, 6), setting="online", platform="social-media", contacts=6)
    make_tally(trio.org_b, date=datetime.date(2026, 4, 6), contacts=50)
    found = selectors.summary(
        [trio.org_a], start=datetime.date(2026, 1, 1), end=datetime.date(2027, 1, 1), grain="quarter"
    )
    assert found.contacts == {
        ("2026-Q1", "region:brussels"): 3,
        ("2026-Q2", "region:brussels"): 4,
        ("2026-Q2", "online:social-media"): 6,
    }
    assert found.items[("2026-Q2", "condoms")] == 2 and found.items[("2026-Q1", "condoms")] == 1
    assert found.topics == {("2026-Q1", "health"): 1, ("2026-Q1", "housing"): 1}


def test_the_demo_seeder_is_idempotent():
    from accounts.demo import demo_seed as accounts_seed

    accounts_seed()
    first = demo_seed()
    assert first.startswith("104 ")
    assert demo_seed().startswith("0 ")
