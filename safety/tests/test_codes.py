"""Reply codes: long enough that guessing is hopeless, stored only as a keyed hash, and guesses are rate-limited."""

from __future__ import annotations

import math

import pytest
from django.test import Client

from safety import keys
from safety.models import ReplyCode
from safety.tests.conftest import submit

pytestmark = pytest.mark.django_db


def test_a_code_carries_at_least_128_bits():
    assert keys.CODE_LENGTH * math.log2(len(keys.CODE_ALPHABET)) >= 128
    codes = {keys.new_reply_code() for _ in range(200)}
    assert len(codes) == 200


def test_a_code_is_read_with_spaces_dashes_and_small_letters():
    code = keys.new_reply_code()
    assert keys.normalise_code(code.lower().replace("-", " ")) == code.replace("-", "")
    assert keys.code_hash(code.lower()) == keys.code_hash(code)
    assert keys.normalise_code("not a code") == ""


def test_only_the_keyed_hash_is_stored(desks, settings):
    code = submit(Client())
    stored = ReplyCode.objects.get().code_hash
    assert stored == keys.code_hash(code)
    assert code.replace("-", "") not in stored
    settings.HAVEN_SAFETY_KEY = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktISE"
    assert keys.code_hash(code) != stored  # without the key, nobody can test guesses against the table


def test_guessing_is_rate_limited_even_for_the_right_code(desks):
    code = submit(Client())
    guesser = Client()
    for i in range(10):
        response = guesser.post(
            "/en/safety/reply/", {"code": f"2222-2222-2222-2222-2222-2222-{i + 2}{i + 2}{i + 2}{i + 2}"}
        )
        assert "does not open a report" in response.content.decode() or "Too many" in response.content.decode()
    page = guesser.post("/en/safety/reply/", {"code": code}).content.decode()
    assert "Too many wrong codes" in page
    assert "Your report" not in page
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert "Messages" in other.post("/en/safety/reply/", {"code": code}).content.decode()  # others are not blocked


def test_replying_with_a_wrong_code_counts_as_a_guess(desks):
    submit(Client())
    guesser = Client()
    for _ in range(10):
        guesser.post("/en/safety/reply/send/", {"code": "2222-2222-2222-2222-2222-2222-2222", "body": "x"})
    page = guesser.post("/en/safety/reply/", {"code": "2222-2222-2222-2222-2222-2222-2223"}).content.decode()
    assert "Too many wrong codes" in page


def test_the_code_never_appears_in_an_address(desks):
    client = Client()
    code = submit(client)
    response = client.get("/en/safety/reply/", {"code": code})
    assert "Messages" not in response.content.decode()  # GET does not open a report
