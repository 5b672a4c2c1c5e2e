"""Public pages from memory: only for visitors without a session, only what could be shared, fresh after an edit."""

from __future__ import annotations

import pytest
from django.contrib import messages
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from core import pagecache
from core.pagecache import PAGES, Entry, PageCache, content_changed, public_page

PAGE = "/en/directory/organisation/pag-asa/"


def _entry(content: bytes, *, at: float = 0.0, generation: str = "g") -> Entry:
    return Entry(generation, at, 200, (("Content-Type", "text/html"),), content)


@pytest.mark.django_db
def test_a_visitor_without_cookies_gets_the_second_request_from_memory(django_assert_num_queries):
    client = Client()
    first = client.get(PAGE)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(PAGE)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]  # the middleware still ran
    with django_assert_num_queries(0):
        assert client.head(PAGE).status_code == 200


@pytest.mark.django_db
def test_an_edit_shows_at_once(client: Client):
    from directory.models import Organization

    assert "Renamed for the test" not in client.get(PAGE).content.decode()
    listing = Organization.objects.get(slug="pag-asa")
    listing.name = {**listing.name, "en": "Renamed for the test"}
    listing.save()
    assert "Renamed for the test" in client.get(PAGE).content.decode()


@pytest.mark.django_db
def test_a_deletion_shows_at_once(client: Client):
    from directory.models import Phone

    number = Phone.objects.filter(organization__slug="pag-asa").values_list("number", flat=True).first()
    assert number and number in client.get(PAGE).content.decode()
    Phone.objects.filter(organization__slug="pag-asa").delete()
    assert number not in client.get(PAGE).content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_session_neither_reads_nor_fills_the_cache(django_assert_max_num_queries):
    anonymous = Client()
    anonymous.get(PAGE)
    stored = len(PAGES)
    signed_in = Client()
    signed_in.cookies["haven_session"] = "anything"
    response = signed_in.get(PAGE)
    assert response.status_code == 200
    assert len(PAGES) == stored  # nothing new kept for them
    # the page was rendered for them, not taken from memory
    with pytest.raises(pytest.fail.Exception), django_assert_max_num_queries(0):
        signed_in.get(PAGE)


@pytest.mark.django_db
def test_the_discreet_preference_is_part_of_the_key(client: Client):
    plain = client.get(PAGE).content
    discreet = Client()
    discreet.cookies["haven_discreet"] = "1"
    shown = discreet.get(PAGE).content
    assert shown != plain
    assert discreet.get(PAGE).content == shown
    assert client.get(PAGE).content == plain


def _counting_view(body: object) -> tuple[list[int], object]:
    calls: list[int] = []

    @public_page
    def view(request: HttpRequest) -> HttpResponse:
        calls.append(1)
        return body(request)  # type: ignore[operator]

    return calls, view


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda request: HttpResponse(get_token(request)), id="a CSRF token"),
        pytest.param(lambda request: _with_cookie(), id="a cookie"),
        pytest.param(lambda request: HttpResponse("gone", status=404), id="not a 200"),
        pytest.param(lambda request: _private(), id="Cache-Control private"),
        pytest.param(lambda request: _session_written(request), id="a session written"),
        pytest.param(lambda request: _message(request), id="a message queued"),
    ],
)
def test_what_could_carry_a_secret_is_never_kept(make):
    calls, view = _counting_view(make)
    for _ in range(2):
        request = RequestFactory().get("/en/x/")
        SessionMiddleware(lambda r: HttpResponse()).process_request(request)
        request._messages = default_storage(request)  # type: ignore[attr-defined]
        view(request)  # type: ignore[operator]
    assert len(calls) == 2


def _with_cookie() -> HttpResponse:
    response = HttpResponse("hello")
    response.set_cookie("name", "value")
    return response


def _session_written(request: HttpRequest) -> HttpResponse:
    request.session["seen"] = True
    return HttpResponse("hello")


def _message(request: HttpRequest) -> HttpResponse:
    messages.success(request, "Saved.")
    return HttpResponse("hello")


def _private() -> HttpResponse:
    response = HttpResponse("hello")
    response["Cache-Control"] = "private"
    return response


@pytest.mark.django_db
def test_a_search_that_found_nothing_is_counted_every_time(client: Client):
    from search.models import MissedQuery

    found = "/en/search/?q=abortion"
    client.get(found)
    missed = "/en/search/?q=zzxqv+wrrtq"
    for _ in range(3):
        assert client.get(missed).status_code == 200
    assert MissedQuery.objects.get().count == 3
    assert len(PAGES) == 1  # the search that found something is kept


@pytest.mark.django_db
def test_what_anyone_may_write_does_not_empty_the_cache(client: Client):
    from search.selectors import missed_query_count

    client.get(PAGE)
    before = pagecache.generation()
    missed_query_count(text="zzxqv", lang="en")
    missed_query_count(text="wrrtq", lang="en")
    assert pagecache.generation() == before


@pytest.mark.django_db
def test_only_reads_are_served_from_memory():
    calls, view = _counting_view(lambda request: HttpResponse("ok"))
    factory = RequestFactory()
    view(factory.get("/en/x/"))  # type: ignore[operator]
    view(factory.get("/en/x/"))  # type: ignore[operator]
    view(factory.post("/en/x/"))  # type: ignore[operator]
    view(factory.get("/en/x/?page=2"))  # type: ignore[operator]
    assert len(calls) == 3


@pytest.mark.django_db
def test_a_new_generation_drops_what_was_rendered_before():
    calls, view = _counting_view(lambda request: HttpResponse("ok"))
    factory = RequestFactory()
    view(factory.get("/en/x/"))  # type: ignore[operator]
    content_changed()
    view(factory.get("/en/x/"))  # type: ignore[operator]
    assert len(calls) == 2


@pytest.mark.django_db
def test_turned_off_with_zero_megabytes(monkeypatch):
    monkeypatch.setattr(pagecache.PAGES, "max_bytes", 0)
    calls, view = _counting_view(lambda request: HttpResponse("ok"))
    for _ in range(2):
        view(RequestFactory().get("/en/x/"))  # type: ignore[operator]
    assert len(calls) == 2


def test_entries_expire():
    pages = PageCache(max_bytes=1000, seconds=60)
    pages.put(("a",), _entry(b"x", at=100.0))
    assert pages.get(("a",), "g", 159.0) is not None
    assert pages.get(("a",), "g", 160.0) is None
    assert len(pages) == 0


def test_memory_is_bounded_and_the_least_recently_used_goes_first():
    pages = PageCache(max_bytes=1600, seconds=60)
    assert not pages.put(("huge",), _entry(b"x" * 101))  # more than a sixteenth of the budget
    for name in "abcdefghijklmnopq":  # 17 entries of 100 bytes
        if name == "c":
            assert pages.get(("a",), "g", 0.0) is not None  # "a" was used: "b" is now the oldest
        pages.put((name,), _entry(b"x" * 100))
    assert pages.size <= 1600
    assert pages.get(("a",), "g", 0.0) is not None
    assert pages.get(("b",), "g", 0.0) is None


def test_an_entry_of_another_generation_is_not_served():
    pages = PageCache(max_bytes=1000, seconds=60)
    pages.put(("a",), _entry(b"x", generation="old"))
    assert pages.get(("a",), "new", 0.0) is None
