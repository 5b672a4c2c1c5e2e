"""The bundled knowledge: complete in three languages with sources, loaded idempotently, edits respected."""

import shutil
import tomllib
from pathlib import Path

import pytest

from knowledge.bundle import KNOWLEDGE_DIR, knowledge_load
from knowledge.models import Item, Topic, Translation
from knowledge.selectors import translation_matrix
from knowledge.services import revision_save


def test_every_bundled_item_is_complete_in_three_languages_with_sources():
    folders = sorted(meta.parent for meta in KNOWLEDGE_DIR.glob("*/*/meta.toml"))
    assert len(folders) >= 20
    for folder in folders:
        meta = tomllib.loads((folder / "meta.toml").read_text(encoding="utf-8"))
        assert meta["sources"], folder
        assert all(source["url"].startswith("https://") for source in meta["sources"]), folder
        assert meta["last_verified"], folder
        for lang in ("nl", "fr", "en"):
            assert (folder / f"{lang}.md").exists(), f"{folder} lacks {lang}.md"


@pytest.mark.django_db
def test_every_topic_has_items_in_every_language():
    for topic in Topic.objects.all():
        items = Item.objects.filter(topic=topic)
        assert items.exists(), topic.slug
        for lang in ("nl", "fr", "en"):
            assert (
                Translation.objects.filter(item__topic=topic, language=lang).exclude(published_revision=None).exists()
            ), (topic.slug, lang)


@pytest.mark.django_db
def test_reloading_changes_nothing():
    summary = knowledge_load()
    assert summary.created == 0 and summary.updated == 0 and not summary.conflicts


def _small_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "knowledge"
    (bundle / "health").mkdir(parents=True)
    shutil.copy(KNOWLEDGE_DIR / "topics.toml", bundle / "topics.toml")
    shutil.copytree(KNOWLEDGE_DIR / "health" / "sti-testing", bundle / "health" / "sti-testing")
    return bundle


@pytest.mark.django_db
def test_a_changed_file_updates_only_its_language_and_marks_the_others_outdated(tmp_path):
    bundle = _small_bundle(tmp_path)
    knowledge_load(path=bundle)
    english = bundle / "health" / "sti-testing" / "en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    summary = knowledge_load(path=bundle)
    assert summary.updated == 1 and summary.unchanged == 2
    row = next(r for r in translation_matrix() if r["item"].slug == "sti-testing")
    assert row["statuses"] == {"nl": "outdated", "fr": "outdated", "en": "current"}
    assert "One more sentence." in Translation.objects.get(item__slug="sti-testing", language="en").body


@pytest.mark.django_db
def test_edits_made_in_the_application_are_not_overwritten_without_asking(tmp_path):
    bundle = _small_bundle(tmp_path)
    knowledge_load(path=bundle)
    french = Translation.objects.get(item__slug="sti-testing", language="fr")
    revision_save(
        translation=french,
        author=None,
        title="Titre corrigé",
        summary="Résumé corrigé",
        body="Texte",
        state="published",
    )
    french_file = bundle / "health" / "sti-testing" / "fr.md"
    french_file.write_text(french_file.read_text(encoding="utf-8") + "\nAjout.\n", encoding="utf-8")
    summary = knowledge_load(path=bundle)
    assert summary.conflicts == ["sti-testing (fr)"]
    assert Translation.objects.get(pk=french.pk).title == "Titre corrigé"
    summary = knowledge_load(path=bundle, overwrite_edits=True)
    assert summary.updated == 1
    assert Translation.objects.get(pk=french.pk).title != "Titre corrigé"


@pytest.mark.django_db
def test_a_broken_file_is_reported_and_nothing_is_half_loaded(tmp_path):
    bundle = _small_bundle(tmp_path)
    (bundle / "health" / "sti-testing" / "nl.md").write_text("no front matter", encoding="utf-8")
    before = Translation.objects.count()
    with pytest.raises(Exception, match="front matter"):
        knowledge_load(path=bundle)
    assert Translation.objects.count() == before


@pytest.mark.django_db
def test_loading_again_gives_documents_indexed_before_they_had_a_country_their_country():
    from search.models import Document

    Document.objects.filter(key="exit-programmes-netherlands").update(country="")
    knowledge_load()
    assert set(Document.objects.filter(key="exit-programmes-netherlands").values_list("country", flat=True)) == {"nl"}
