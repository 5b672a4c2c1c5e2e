"""A crawler's view of Haven: every URL pattern, with real and nonsense parameters and query strings, by GET,
HEAD and an empty POST, as a visitor, a person with a plan and a platform admin. Nothing answers 5xx, and
HEAD works wherever GET does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import product

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from accounts.testing import make_trio, sign_in
from directory.models import Organization, Service
from knowledge.models import Item, Topic

NONSENSE_QUERIES = [
    "?next=foo&on=1",
    "?page=x&per_page=x&limit=x",
    "?page=-1&per_page=-1&limit=-1",
    "?page=99999999999999999999999&limit=99999999999999999999999",
    "?q=%00&search=%00&postcode=%00&proximity=%00",
    "?lang=xx&format=nope&modified_after=yesterday&need=nope&region=x&city=x&language=x&attr=x&open=x",
    "?next=//evil.example/&q=" + "a" * 3000,
]


def _routes() -> list[tuple[str, list[str]]]:
    """Every route as a template (``/en/directory/service/{slug}/``) and the names of its parameters."""
    found: list[tuple[str, list[str]]] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, names: list[str]) -> None:
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, LocalePrefixPattern):
                piece, new = "en/", []
            elif isinstance(pattern, RoutePattern):
                piece, new = str(pattern), list(pattern.converters)
                for name in new:
                    piece = piece.replace(f"<{_converter_text(str(pattern), name)}>", "{" + name + "}")
            elif isinstance(pattern, RegexPattern):  # the HSDS API: ^services/(?P<id>[^/]+)/?$
                piece = pattern.regex.pattern.lstrip("^").rstrip("$").replace("/?", "/")
                new = list(pattern.regex.groupindex)
                piece = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", piece)
            else:
                raise AssertionError(f"a route of an unknown kind: {pattern!r}")
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + piece, names + new)
            else:
                found.append(("/" + prefix + piece, names + new))

    walk(get_resolver().url_patterns, "", [])
    return found


def _converter_text(route: str, name: str) -> str:
    start = route.index(f"{name}>")
    return route[route.rindex("<", 0, start) + 1 : start + len(name)]


def _candidates() -> dict[str, list[str]]:
    slugs = [
        Service.objects.order_by("slug").first().slug,
        Organization.objects.order_by("slug").first().slug,
        Topic.objects.order_by("slug").first().slug,
        Item.objects.order_by("slug").first().slug,
    ]
    return {
        "slug": [*slugs, "no-such-thing", "x" * 300],
        "org": ["org-a", "org-b", "no-such-org"],
        "language": ["en", "xx"],
        "kind": ["service", "organization", "nope"],
        "share_id": ["1", "0", "99999999999999999999999"],
        "pk": ["1", "0", "99999999999999999999999"],
        "old": ["1", "99999999999999999999999"],
        "new": ["2", "0"],
        "uidb64": ["MQ", "!!"],
        "token": ["set-password", "x"],
        "id": [str(Service.objects.order_by("slug").first().pk), "nope", "00000000-0000-0000-0000-000000000000"],
        "rest": ["nope", "services/x/y"],
    }


def _paths() -> Iterator[str]:
    candidates = _candidates()
    for template, names in _routes():
        if not names:
            yield template
            continue
        options = [candidates.get(name, ["nope", "1", "0"]) for name in names]
        combos = (
            list(product(*options)) if len(names) == 1 else list(zip(*[_cycle(o, 6) for o in options], strict=True))
        )
        for combo in combos:
            yield template.format(**dict(zip(names, combo, strict=True)))


def _cycle(options: list[str], count: int) -> list[str]:
    return [options[i % len(options)] for i in range(count)]


def _crawl(client: Client, label: str, *, only: str = "/") -> list[str]:
    problems = []
    for path in _paths():
        if not path.startswith(only) or path in ("/exit/", "/en/accounts/sign-out/", "/en/plan/sign-out/"):
            continue  # leaving is tested elsewhere; here it would end the crawl's session
        for query in ["", *NONSENSE_QUERIES] if "{" not in path else [""]:
            url = path + query
            get = client.get(url)
            head = client.head(url)
            if get.status_code >= 500 or head.status_code >= 500:
                problems.append(f"{label} GET/HEAD {url}: {get.status_code}/{head.status_code}")
            elif head.status_code == 405 and get.status_code != 405:
                problems.append(f"{label} HEAD {url}: 405 where GET answers {get.status_code}")
        post = client.post(path, {"page": "x", "next": "foo", "q": "\x00"})
        if post.status_code >= 500:
            problems.append(f"{label} POST {path}: {post.status_code}")
    return problems


def _plan_client() -> Client:
    from plans.tests.helpers import make_plan

    return make_plan(Client(), pseudonym="Grey Owl", passphrase="lamp river seven tulips").client


@pytest.mark.django_db
def test_every_route_answers_nonsense_without_a_server_error(monkeypatch):
    from plans import keys

    monkeypatch.setattr(keys, "KDF", keys.KdfParams(time_cost=1, memory_kib=64, parallelism=1))  # cheap, as in plans/
    trio = make_trio()
    trio.alice.is_platform_admin = True
    trio.alice.save(update_fields=["is_platform_admin"])
    staff = Client(raise_request_exception=False)
    sign_in(staff, trio.alice)
    problems = _crawl(Client(raise_request_exception=False), "visitor")
    problems += _crawl(staff, "platform admin")
    plan = _plan_client()
    plan.raise_request_exception = False
    problems += _crawl(plan, "plan holder", only="/en/plan/")
    assert not problems, "\n".join(problems)


def test_the_crawl_sees_every_part_of_the_site():
    templates = [template for template, _names in _routes()]
    for part in ("/en/directory/", "/en/knowledge/", "/en/plan/", "/en/accounts/", "/api/hsds/", "/en/discreet/"):
        assert any(t.startswith(part) for t in templates), part
    assert len(templates) > 60
