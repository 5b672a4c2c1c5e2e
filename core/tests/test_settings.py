"""Production settings: they refuse to start without secrets and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _production_env(**overrides: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HAVEN_", "DJANGO_", "DATABASE_URL", "SECRET_KEY", "EMAIL_", "REDIS_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "haven.settings",
            "HAVEN_ENV": "production",
            "SECRET_KEY": "p" * 20 + "-production-secret-key-for-the-deploy-check-only-xyz",
            "HAVEN_KEKS": "prod1:" + "A" * 43,
            "HAVEN_AUDIT_KEY": "B" * 43,
            "ALLOWED_HOSTS": "haven.example.org",
            "DATABASE_URL": "postgres://haven@127.0.0.1:5432/haven",
            "EMAIL_HOST": "smtp.example.org",
        }
    )
    env.update(overrides)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "HAVEN_KEKS", "HAVEN_AUDIT_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = _production_env()
    env.pop(missing)
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_debug_and_bad_values():
    assert _manage("check", env=_production_env(DEBUG="1")).returncode != 0
    assert "boolean" in _manage("check", env=_production_env(DEBUG="perhaps")).stderr
    assert "valid database URL" in _manage("check", env=_production_env(DATABASE_URL="nonsense")).stderr
    assert "32 bytes" in _manage("check", env=_production_env(HAVEN_KEKS="short:AAAA")).stderr


def test_passwords_are_hashed_with_argon2():
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    from django.contrib.auth.hashers import make_password

    assert make_password("anything").startswith("argon2$argon2id$")
