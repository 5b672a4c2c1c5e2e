"""The country choice in a real browser: from the home page, a visitor picks the Netherlands and sees the Dutch
helplines first, in NL, FR and EN; the choice lives only in the URL (no cookie, no storage); the pages stay
axe-clean and usable at 360 px and without JavaScript (their weight: tests/test_page_budget.py)."""

import pytest

from conftest import load_all_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADINGS = {
    "en": ("Numbers in The Netherlands", "Numbers in Belgium", "The Netherlands"),
    "nl": ("Nummers in Nederland", "Nummers in België", "Nederland"),
    "fr": ("Numéros utiles : Pays-Bas", "Numéros utiles : Belgique", "Pays-Bas"),
}


def first_heading(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("#helplines h3").first.inner_text()


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_visitor_chooses_the_netherlands_and_sees_dutch_helplines_first(context_factory, lang):
    load_all_content()
    dutch, belgian, netherlands = HEADINGS[lang]
    context = context_factory(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"/{lang}/")
    assert first_heading(page) == belgian  # no choice yet: Belgium first
    page.click(f"#helplines .country-chooser a:text-is('{netherlands}')")
    assert "country=nl" in page.url
    assert first_heading(page) == dutch
    first_list = page.locator("#helplines ul.plain-list").first
    assert first_list.locator("a[href='tel:+318000188']").count() == 1  # Centrum Seksueel Geweld
    assert first_list.locator("a[href='tel:+319008844']").count() == 1  # police, not urgent
    assert first_list.locator("a[href='tel:101']").count() == 0  # the Belgian police number is not first
    assert page.locator("#helplines details").count() == 1  # Belgium's numbers, folded
    # The home page's own links carry the choice on.
    page.click("main a[href*='/directory/?country=nl']")
    assert page.locator("#id_country").input_value() == "nl"
    assert first_heading(page) == dutch
    assert page.locator("a[href*='/directory/service/nl-veilig-thuis-line/']").count() == 1
    # Nothing remembers it: no cookie and no storage; a fresh visit starts from Belgium again.
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    page.goto(f"/{lang}/")
    assert first_heading(page) == belgian
    page.screenshot(path=f"/tmp/country-{lang}.png", full_page=True)


def test_a_dutch_context_page_shows_dutch_helplines_first_without_javascript(context_factory):
    load_all_content()
    page = context_factory(java_script_enabled=False).new_page()
    page.goto("/en/knowledge/why-stopping-is-hard-netherlands/")
    assert first_heading(page) == "Numbers in The Netherlands"
    page.click("#helplines .country-chooser a:text-is('Belgium')")
    assert first_heading(page) == "Numbers in Belgium"
    page.click("#helplines a:has-text('All emergency and helpline numbers') >> nth=0")
    assert "/en/knowledge/emergency-numbers/" in page.url


def test_country_pages_have_no_violations(axe):
    load_all_content()
    paths = [
        "/en/?country=nl",
        "/fr/?country=nl",
        "/nl/?country=nl",
        "/nl/knowledge/why-stopping-is-hard-netherlands/",
        "/fr/knowledge/emergency-numbers-netherlands/",
        "/en/directory/?country=nl&region=zuid-holland",
        "/nl/directory/service/nl-comensha-helpdesk/",
        "/fr/directory/organisation/nl-p-en-g292/",
        "/en/directory/organisation/nl-proud/",
    ]
    for path in paths:
        axe(path)
    axe("/nl/?country=nl", viewport={"width": 360, "height": 740})
