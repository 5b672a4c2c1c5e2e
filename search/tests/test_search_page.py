"""The search page: danger first, honest about nothing found, and results in pages."""

import pytest
from django.test import Client

from search.selectors import PAGE_SIZE, search_page

VIOLENT_CLIENT = {"en": "violent client", "nl": "gewelddadige klant", "fr": "client violent"}
SAFETY_CONTENT = {
    "sexual-assault-care-centres",
    "emergency-numbers",
    "complaint-or-police-notification",
    "nl-ugly-mugs",  # warnings about dangerous clients, run by sex workers' organisations in the Netherlands
    "nl-ugly-mugs-warnings",
    "nl-csg-care-after-sexual-violence",
    "helpline-1712-line",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_violent_client_finds_safety_content_first(lang):
    page = search_page(VIOLENT_CLIENT[lang], lang=lang)
    assert page.urgent
    top = {result.key for result in page.results[:3]}
    assert top & SAFETY_CONTENT, [r.key for r in page.results[:5]]
    # Nothing about employment comes before the safety content (it used to: "client" matched best).
    assert page.results[0].key not in {"fired-for-refusing-client", "employment-contract-rights"}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_helplines_come_before_the_results_when_a_query_names_danger(client: Client, lang):
    html = client.get(f"/{lang}/search/", {"q": VIOLENT_CLIENT[lang]}).content.decode()
    assert 'href="tel:112"' in html
    assert html.index('href="tel:112"') < html.index('class="results"')


@pytest.mark.django_db
def test_an_ordinary_query_does_not_raise_the_alarm(client: Client):
    assert not search_page("cv job interview", lang="en").urgent
    html = client.get("/en/search/", {"q": "cv job interview"}).content.decode()
    assert 'class="results"' in html
    assert 'href="tel:112"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "said", "health"),
    [
        ("en", "We found no page about", "Health"),
        ("nl", "We vonden geen pagina over", "Gezondheid"),
        ("fr", "Nous n\u2019avons trouvé aucune page sur", "Santé"),
    ],
)
def test_a_query_with_nothing_relevant_says_so_and_offers_the_closest_topic(client: Client, lang, said, health):
    page = search_page("PrEP", lang=lang)
    assert page.results == []
    assert page.related, "PrEP belongs with HIV: the HIV and STI pages are the closest"
    html = client.get(f"/{lang}/search/", {"q": "PrEP"}).content.decode()
    assert said in html
    closest = html[html.index("<h2>", html.index(said)) :]
    assert f"/{lang}/knowledge/topic/health/" in closest.split('class="card card-urgent')[0]
    assert health in html
    assert 'href="tel:112"' in html


@pytest.mark.django_db
def test_prep_is_not_read_as_a_typo_or_a_prefix_of_another_word():
    for lang in ("nl", "fr", "en"):
        assert search_page("prep", lang=lang).results == []


@pytest.mark.django_db
def test_a_word_long_enough_still_matches_as_a_prefix():
    keys = [r.key for r in search_page("traffic", lang="en").results]
    assert keys, "a submitted 'traffic' finds the trafficking pages"


@pytest.mark.django_db
def test_results_page_past_the_first_twenty(client: Client):
    first = search_page("violence", lang="en")
    assert len(first.results) == PAGE_SIZE
    assert first.has_more
    second = search_page("violence", lang="en", page=2)
    assert second.results
    assert not {r.url for r in first.results} & {r.url for r in second.results}
    html = client.get("/en/search/", {"q": "violence"}).content.decode()
    assert 'rel="next" href="?q=violence&amp;page=2#results"' in html
    html = client.get("/en/search/", {"q": "violence", "page": "2"}).content.decode()
    assert 'start="21"' in html
    assert 'rel="prev"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["x", "-1", "0", "99999999999999999999", ""])
def test_a_bad_page_number_shows_the_first_or_last_page(client: Client, page):
    response = client.get("/en/search/", {"q": "violence", "page": page})
    assert response.status_code == 200
    assert 'class="results"' in response.content.decode()


# The same service in each country, written alike so that only the visitor's country can order them. The Dutch one is
# indexed first: on equal scores it would come first, so the Belgian one leads only through the country rule.
SAME_SERVICE = {
    "nl": ("Quokkahulp", "Quokkahulp voor sekswerkers"),
    "fr": ("Aide quokka", "Aide quokka pour les travailleuses du sexe"),
    "en": ("Quokka help", "Quokka help for sex workers"),
}


def _same_service_in_both_countries(lang: str) -> None:
    from search.services import document_upsert

    title, summary = SAME_SERVICE[lang]
    for country in ("nl", "be"):
        document_upsert(
            kind="service",
            key=f"quokka-{country}",
            lang=lang,
            title=title,
            summary=summary,
            url=f"/{lang}/directory/service/quokka-{country}/",
            country=country,
        )


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_belgian_visitor_sees_the_belgian_service_first_and_a_dutch_visitor_the_dutch_one(client: Client, lang):
    _same_service_in_both_countries(lang)
    query = SAME_SERVICE[lang][0]
    belgian = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert belgian.index("/directory/service/quokka-be/") < belgian.index("/directory/service/quokka-nl/")
    dutch = client.get(f"/{lang}/search/", {"q": query, "country": "nl"}).content.decode()
    assert dutch.index("/directory/service/quokka-nl/") < dutch.index("/directory/service/quokka-be/")
    # An unknown country is the default one (Belgium), not an error.
    other = client.get(f"/{lang}/search/", {"q": query, "country": "xx"}).content.decode()
    assert other.index("/directory/service/quokka-be/") < other.index("/directory/service/quokka-nl/")


@pytest.mark.django_db
def test_the_other_countrys_service_is_found_lower_not_hidden_and_neutral_pages_keep_their_score():
    from search.engines import engine
    from search.engines.base import lexicon
    from search.rules import analyse
    from search.services import document_upsert

    _same_service_in_both_countries("en")
    guide = document_upsert(kind="article", key="quokka-guide", lang="en", title="Quokka guide", url="/en/k/q/")
    for country in ("be", "nl"):
        keys = [r.key for r in search_page("quokka", lang="en", country=country).results]
        assert {"quokka-be", "quokka-nl", "quokka-guide"} <= set(keys)
        assert keys.index(f"quokka-{country}") < keys.index("quokka-nl" if country == "be" else "quokka-be")
    scores = {
        country: dict(engine().search(analyse("quokka", "en", lexicon("en"), country=country), 10))[guide.pk]
        for country in ("be", "nl", "")
    }
    assert scores["be"] == scores["nl"] == scores[""]
    # No country: nothing is demoted, so the tie is broken by the index order alone (the Dutch one first).
    keys = [r.key for r in search_page("quokka", lang="en", country="").results]
    assert keys.index("quokka-nl") < keys.index("quokka-be")


@pytest.mark.django_db
def test_a_search_keeps_the_chosen_country_in_its_form_and_pages(client: Client):
    html = client.get("/en/search/", {"q": "violence", "country": "nl"}).content.decode()
    assert '<input type="hidden" name="country" value="nl">' in html
    assert 'rel="next" href="?q=violence&amp;country=nl&amp;page=2#results"' in html
    html = client.get("/en/search/", {"q": "violence"}).content.decode()
    assert 'name="country"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["abortion", "violence"])
def test_the_results_offer_one_country_choice_that_keeps_the_query(client: Client, query):
    """Beside the results, or in the helpline box when those come first: never two on one page."""
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert html.count('class="country-chooser"') == 1
    assert f"?q={query}&amp;country=nl" in html
