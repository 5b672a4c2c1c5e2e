"""The helpline box: the chosen country's numbers first, each line with its own sources and date, dialled
in E.164. The choice comes from the URL (`?country=`) or, without
one, from the page's own country (a Dutch-context item); it is never remembered in a cookie or the session."""

from datetime import date

import pytest
from django.test import Client

from knowledge.selectors import helplines

DUTCH_ITEM = "/{lang}/knowledge/why-stopping-is-hard-netherlands/"  # topic "netherlands", emergency box on
BELGIAN_ITEM = "/{lang}/knowledge/sexual-assault-care-centres/"


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies  # the choice is never stored
    return response.content.decode()


def first_box_numbers(html: str) -> str:
    """The part of the helpline box before the other country's numbers (folded in <details>)."""
    box = html[html.index('id="helplines"') :]
    return box[: box.index("<details")]


@pytest.mark.django_db
def test_lines_without_a_country_are_belgian_and_the_chosen_country_comes_first():
    dutch_first = helplines(country="nl")
    assert [group["code"] for group in dutch_first["groups"]] == ["nl", "be"]
    assert {line["number"] for line in dutch_first["groups"][0]["lines"]} >= {"112", "0900-8844", "0800-0188"}
    assert "101" in {line["number"] for line in dutch_first["groups"][1]["lines"]}
    assert [group["code"] for group in helplines(country="be")["groups"]] == ["be", "nl"]
    assert dutch_first["groups"][0]["page"] == "emergency-numbers-netherlands"


@pytest.mark.django_db
def test_every_dutch_line_has_its_own_sources_and_check_date():
    for line in helplines(country="nl")["groups"][0]["lines"]:
        assert line["sources"] and all(source["url"].startswith("https://") for source in line["sources"])
        assert str(line["last_verified"]) == "2026-12-01"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "Numbers in The Netherlands"), ("nl", "Nummers in Nederland"), ("fr", "Numéros utiles : Pays-Bas")],
)
def test_a_dutch_context_item_shows_dutch_helplines_first(client: Client, lang, heading):
    html = page(client, DUTCH_ITEM.format(lang=lang))
    first = first_box_numbers(html)
    assert heading in first
    assert 'href="tel:+318000188"' in first
    assert 'href="tel:101"' not in first  # the Belgian police number is folded away, not first
    assert 'href="tel:101"' in html


@pytest.mark.django_db
def test_the_url_choice_overrides_the_context_both_ways(client: Client):
    first = first_box_numbers(page(client, DUTCH_ITEM.format(lang="en") + "?country=be"))
    assert 'href="tel:101"' in first and "Numbers in Belgium" in first
    first = first_box_numbers(page(client, BELGIAN_ITEM.format(lang="en") + "?country=nl"))
    assert 'href="tel:+318000188"' in first and 'href="tel:101"' not in first
    first = first_box_numbers(page(client, BELGIAN_ITEM.format(lang="en")))
    assert 'href="tel:101"' in first  # a Belgian item without a choice: Belgium first


@pytest.mark.django_db
def test_an_unknown_country_in_the_url_falls_back_to_the_context(client: Client):
    first = first_box_numbers(page(client, DUTCH_ITEM.format(lang="en") + "?country=xx"))
    assert "Numbers in The Netherlands" in first
    first = first_box_numbers(page(client, BELGIAN_ITEM.format(lang="en") + "?country=%3Cscript%3E"))
    assert "Numbers in Belgium" in first


@pytest.mark.django_db
def test_the_chooser_links_keep_the_page_and_mark_the_current_country(client: Client):
    html = page(client, DUTCH_ITEM.format(lang="en"))
    assert '<a href="?country=be#helplines">Belgium</a>' in html
    assert '<a href="?country=nl#helplines" aria-current="true">The Netherlands</a>' in html


@pytest.mark.django_db
def test_the_dutch_emergency_page_exists_in_three_languages(client: Client):
    for lang, title in (
        ("en", "Emergency numbers and helplines in the Netherlands"),
        ("nl", "Alarmnummers en hulplijnen in Nederland"),
        ("fr", "Numéros d'urgence et lignes d'aide aux Pays-Bas"),
    ):
        html = page(client, f"/{lang}/knowledge/emergency-numbers-netherlands/")
        assert title in html.replace("&#x27;", "'")
        assert "0800-0188" in html and "0900-8844" in html


@pytest.mark.django_db
def test_the_link_to_services_carries_the_country_of_a_dutch_context_item(client: Client):
    html = page(client, DUTCH_ITEM.format(lang="nl"))
    button = html.split('class="button button-secondary"')[1].split(">")[0]
    assert 'href="/nl/directory/?need=' in button and button.endswith('&amp;country=nl"')
    html = page(client, "/en/knowledge/who-can-help-me-stop/")
    assert "country=" not in html.split('class="button button-secondary"')[1].split(">")[0]  # no choice: all
    html = page(client, "/en/knowledge/who-can-help-me-stop/?country=nl")
    assert "&amp;country=nl" in html.split('class="button button-secondary"')[1].split(">")[0]


@pytest.mark.django_db
def test_switching_language_keeps_the_country_choice(client: Client):
    html = page(client, "/nl/?country=nl")
    assert 'href="/fr/?country=nl"' in html and 'href="/en/?country=nl"' in html
    html = page(client, "/en/knowledge/emergency-numbers-netherlands/?country=nl")
    assert 'href="/nl/knowledge/emergency-numbers-netherlands/?country=nl"' in html


@pytest.mark.django_db
def test_each_country_says_when_its_oldest_line_was_checked():
    for group in helplines()["groups"]:
        dates = [line["last_verified"] for line in group["lines"]]
        assert all(isinstance(day, date) for day in dates)
        assert group["last_verified"] == min(dates)


def _all_lines() -> list[dict]:
    return [line for group in helplines()["groups"] for line in group["lines"]]


@pytest.mark.django_db
def test_every_line_is_dialled_in_e164_or_as_a_short_number():
    for line in _all_lines():
        assert line["tel"].startswith("+") or (line["tel"].isdigit() and len(line["tel"]) <= 4), line["number"]
        assert " " not in line["tel"]


@pytest.mark.django_db
def test_french_and_dutch_listening_lines_are_both_there():
    numbers = {line["tel"]: line for line in _all_lines()}
    assert "107" in numbers and "106" in numbers
    assert "French" in numbers["107"]["name"]["en"] and "Dutch" in numbers["106"]["name"]["en"]
    assert "not for violence by a client" in numbers["+3280030030"]["note"]["en"]
