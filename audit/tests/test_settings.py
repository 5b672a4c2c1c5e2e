"""Production refuses to start without a proper audit key; development and tests get one of their own."""

from django.conf import settings

from audit.keys import audit_key
from core.tests.test_settings import _manage, _production_env


def test_production_refuses_a_missing_short_or_development_audit_key():
    env = _production_env()
    env.pop("HAVEN_AUDIT_KEY")
    assert "HAVEN_AUDIT_KEY" in _manage("check", env=env).stderr
    assert "32 bytes" in _manage("check", env=_production_env(HAVEN_AUDIT_KEY="c2hvcnQ")).stderr
    development = _production_env(HAVEN_AUDIT_KEY="ZGV2ZWxvcG1lbnQtYW5kLXRlc3QtYXVkaXQta2V5ISE=")
    assert "development key" in _manage("check", env=development).stderr


def test_the_audit_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "audit_key"
    key_file.write_text("B" * 43 + "\n")
    env = _production_env()
    env.pop("HAVEN_AUDIT_KEY")
    env["HAVEN_AUDIT_KEY_FILE"] = str(key_file)
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr


def test_tests_run_with_a_32_byte_key():
    assert len(audit_key()) == 32
    assert settings.HAVEN_AUDIT_KEY != ""
