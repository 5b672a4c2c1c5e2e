from pathlib import Path

from django.conf import settings
from django.urls import reverse

from plans import checklist, skills


def test_every_checklist_link_points_at_a_bundled_knowledge_item_or_a_page():
    folders = {path.name for path in (Path(settings.BASE_DIR) / "content" / "knowledge").glob("*/*") if path.is_dir()}
    for item in checklist.ITEMS:
        if item.knowledge:
            assert item.knowledge in folders, item.knowledge
        if item.page:
            assert reverse(item.page)


def test_knowledge_links_resolve_to_knowledge_pages():
    from django.urls import resolve
    from django.utils import translation

    with translation.override("fr"):
        for item in checklist.ITEMS:
            url = item.url()
            if item.knowledge:
                assert url == f"/fr/knowledge/{item.knowledge}/"
                assert resolve(url).url_name == "item"


def test_every_skill_maps_to_known_sectors():
    known = {sector.slug for sector in skills.SECTORS}
    for skill in skills.SKILLS:
        assert skill.sectors and set(skill.sectors) <= known
    assert {s.slug for s in skills.SKILLS} >= {
        "communication",
        "negotiation",
        "stress",
        "adaptability",
        "listening",
        "resilience",
    }


def test_sectors_are_ordered_by_how_many_chosen_skills_they_value():
    matches = skills.sectors_for(["listening", "empathy", "boundaries", "unknown"])
    assert [m.sector.slug for m in matches[:2]] == ["social-work", "care"]
    assert [s.slug for s in matches[0].skills] == ["listening", "empathy", "boundaries"]
    assert matches[-1].sector.slug == "hospitality" and len(matches[-1].skills) == 1
    assert skills.sectors_for([]) == []
