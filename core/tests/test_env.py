import pytest
from django.core.exceptions import ImproperlyConfigured

from lib.env import env_bool, env_int, env_list, env_str


def test_it_reads_a_secret_from_a_file(tmp_path, monkeypatch):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("HAVEN_TEST_SECRET_FILE", str(secret))
    assert env_str("HAVEN_TEST_SECRET") == "from-a-file"


def test_it_refuses_both_the_variable_and_its_file(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_SECRET", "x")
    monkeypatch.setenv("HAVEN_TEST_SECRET_FILE", str(tmp_path / "nope"))
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env_str("HAVEN_TEST_SECRET")


def test_it_fails_loudly_on_an_unreadable_file(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_SECRET_FILE", "/nonexistent/secret")
    with pytest.raises(ImproperlyConfigured, match="cannot read"):
        env_str("HAVEN_TEST_SECRET")


def test_required_values_must_be_present(monkeypatch):
    monkeypatch.delenv("HAVEN_TEST_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="required"):
        env_str("HAVEN_TEST_REQUIRED", required=True)


@pytest.mark.parametrize("raw", ["maybe", "2", "tru"])
def test_a_bad_boolean_is_refused(monkeypatch, raw):
    monkeypatch.setenv("HAVEN_TEST_BOOL", raw)
    with pytest.raises(ImproperlyConfigured, match="boolean"):
        env_bool("HAVEN_TEST_BOOL")


def test_booleans_and_lists_are_parsed(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_BOOL", "Yes")
    monkeypatch.setenv("HAVEN_TEST_LIST", " a.example , b.example ,")
    assert env_bool("HAVEN_TEST_BOOL") is True
    assert env_list("HAVEN_TEST_LIST") == ["a.example", "b.example"]


def test_a_bad_number_is_refused(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("HAVEN_TEST_INT", 1)
    monkeypatch.setenv("HAVEN_TEST_INT", "3")
    with pytest.raises(ImproperlyConfigured, match="at least 5"):
        env_int("HAVEN_TEST_INT", 10, minimum=5)
