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
            "HAVEN_SAFETY_KEY": "C" * 43,
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


def _development_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_", "DEBUG"))}
    env.update({"DJANGO_SETTINGS_MODULE": "haven.settings", "HAVEN_ENV": "development", **overrides})
    return env


def _debug_in(env: dict[str, str]) -> str:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_development_shows_havens_own_error_pages_unless_debug_is_asked_for():
    assert _debug_in(_development_env()) == "False"
    assert _debug_in(_development_env(DEBUG="1")) == "True"


@pytest.mark.parametrize(("asked", "expected"), [("", "DEBUG=0"), ("1", "DEBUG=1")])
def test_make_run_passes_debug_only_when_asked(asked: str, expected: str):
    env = {k: v for k, v in os.environ.items() if k != "HAVEN_DEBUG"}
    if asked:
        env["HAVEN_DEBUG"] = asked
    result = subprocess.run(
        ["make", "-n", "-W", "requirements.txt", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    # The same WSGI server and configuration as production (docs/deployment.md).
    server = [line for line in result.stdout.splitlines() if "gunicorn -c deploy/gunicorn.conf.py" in line]
    assert server and all(expected in line for line in server)
    assert "runserver" not in result.stdout
    assert ("--reload" in server[0]) == (asked == "1")


def test_several_web_workers_need_a_shared_cache_in_production():
    refused = _manage("check", env=_production_env(HAVEN_WEB_WORKERS="3"))
    assert refused.returncode != 0 and "REDIS_URL" in refused.stderr
    shared = _manage(
        "check", "--deploy", env=_production_env(HAVEN_WEB_WORKERS="3", REDIS_URL="redis://127.0.0.1:6379/0")
    )
    assert shared.returncode == 0, shared.stdout + shared.stderr


def test_the_deploy_check_refuses_a_per_process_cache_with_several_workers(settings):
    from core.checks import several_workers_share_one_cache

    settings.HAVEN_WEB_WORKERS = 2
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [error.id for error in several_workers_share_one_cache()] == ["haven.E002"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert several_workers_share_one_cache() == []
    settings.HAVEN_WEB_WORKERS = 1
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert several_workers_share_one_cache() == []
