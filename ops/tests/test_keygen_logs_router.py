"""Key generators without settings, JSON logs without client data, the read-replica router."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys

import pytest
from django.test import override_settings

from crypto.primitives import _parse_keks
from ops import routers
from ops.localstack import ROOT
from ops.logging import JsonFormatter

CLEAN = {"PATH": "/usr/bin:/bin", "HAVEN_ENV": "production", "LANG": "C.UTF-8"}


@pytest.mark.parametrize("command", ["generate_kek", "generate_audit_key", "generate_secrets", "generate_backup_keys"])
def test_key_generators_run_under_production_with_no_settings_at_all(command):
    result = subprocess.run(
        [sys.executable, "manage.py", command], cwd=ROOT, env=CLEAN, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_generated_keys_are_accepted_by_the_settings_parsers():
    out = subprocess.run(
        [sys.executable, "manage.py", "generate_kek", "--id", "k2027"],
        cwd=ROOT,
        env=CLEAN,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert re.fullmatch(r"k2027:[A-Za-z0-9_-]{43}", out)
    assert _parse_keks(out)[0].id == "k2027"
    bad = subprocess.run(
        [sys.executable, "manage.py", "generate_kek", "--id", "no-dashes"],
        cwd=ROOT,
        env=CLEAN,
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0


def test_generate_secrets_writes_private_files_once(tmp_path):
    folder = tmp_path / "secrets"
    command = [sys.executable, "manage.py", "generate_secrets", "--dir", str(folder)]
    first = subprocess.run(command, cwd=ROOT, env=CLEAN, capture_output=True, text=True)
    assert first.returncode == 0
    assert sorted(line.split("=")[0] for line in first.stdout.split()) == [
        "HAVEN_AUDIT_KEY_FILE",
        "HAVEN_KEKS_FILE",
        "HAVEN_METRICS_TOKEN_FILE",
        "HAVEN_SAFETY_KEY_FILE",
        "SECRET_KEY_FILE",
    ]
    assert {oct(p.stat().st_mode & 0o777) for p in folder.iterdir()} == {"0o600"}
    again = subprocess.run(command, cwd=ROOT, env=CLEAN, capture_output=True, text=True)
    assert again.returncode != 0 and "made once" in again.stderr


def test_json_log_lines_are_scrubbed():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s from %s",
        ("/en/search/?q=secret", "192.0.2.4"),
        None,
    )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert "192.0.2.4" not in line and "secret" not in line and "/en/search/" in line


def test_the_router_sends_report_reads_to_the_replica_only_when_there_is_one(monkeypatch):
    from accounts.models import User

    router = routers.ReplicaRouter()
    assert router.db_for_read(User) is None
    with routers.reading_from_replica():
        assert router.db_for_read(User) is None  # no replica configured: the default database
    monkeypatch.setattr(routers, "_replica_configured", lambda: True)
    assert router.db_for_read(User) is None
    with routers.reading_from_replica():
        assert router.db_for_read(User) == "replica"
        assert router.db_for_write(User) == "default"
    assert router.db_for_read(User) is None
    with override_settings(HAVEN_REPLICA_APPS=["accounts"]):
        assert router.db_for_read(User) == "replica"
    assert router.allow_migrate("replica", "accounts") is False
    assert router.allow_migrate("default", "accounts") is True
