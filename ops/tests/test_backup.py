"""Encrypted backups and the restore drill (on SQLite here; on PostgreSQL in test_stack.py)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from haven import keygen
from ops.backup import CHUNK, BackupError, decrypt_stream, encrypt_stream
from ops.localstack import ROOT

MARKER = "backupmarkersecret"


@pytest.fixture
def keys() -> tuple[str, str]:
    return keygen.new_backup_keys()


def _roundtrip(data: bytes, public: str, private: str) -> bytes:
    sealed = io.BytesIO()
    encrypt_stream(io.BytesIO(data), sealed, public_key=public)
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(sealed.getvalue()), out, private_key=private)
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 10, CHUNK, CHUNK + 1, 2 * CHUNK + 5])
def test_a_backup_decrypts_to_what_went_in(keys, size):
    private, public = keys
    data = os.urandom(size)
    assert _roundtrip(data, public, private) == data


def test_the_server_key_alone_cannot_read_it_and_nothing_shows_through(keys):
    _, public = keys
    sealed = io.BytesIO()
    encrypt_stream(io.BytesIO(MARKER.encode() * 100), sealed, public_key=public)
    assert MARKER.encode() not in sealed.getvalue()
    other_private, _ = keygen.new_backup_keys()
    with pytest.raises(BackupError):
        decrypt_stream(io.BytesIO(sealed.getvalue()), io.BytesIO(), private_key=other_private)


def test_a_cut_or_changed_backup_is_refused(keys):
    private, public = keys
    sealed = io.BytesIO()
    encrypt_stream(io.BytesIO(os.urandom(2 * CHUNK + 10)), sealed, public_key=public)
    whole = sealed.getvalue()
    first_chunk_end = 8 + 32 + 4 + CHUNK + 16
    with pytest.raises(BackupError, match="cut short"):
        decrypt_stream(io.BytesIO(whole[:first_chunk_end]), io.BytesIO(), private_key=private)
    changed = bytearray(whole)
    changed[100] ^= 1
    with pytest.raises(BackupError):
        decrypt_stream(io.BytesIO(bytes(changed)), io.BytesIO(), private_key=private)
    with pytest.raises(BackupError, match="not a Haven backup"):
        decrypt_stream(io.BytesIO(b"garbage" * 10), io.BytesIO(), private_key=private)


@pytest.mark.django_db
def test_verify_encryption_finds_a_value_that_does_not_decrypt():
    from accounts.services import totp_device_start, user_create

    devices = [totp_device_start(user=user_create(email=f"v{i}@example.org", name="V")) for i in range(2)]
    call_command("verify_encryption", stdout=io.StringIO())
    # Swap two ciphertexts: each is bound to its row, so neither decrypts in the other's place.
    table = devices[0]._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, secret FROM {table} ORDER BY id")
        (id_a, secret_a), (id_b, secret_b) = cursor.fetchall()
        cursor.execute(f"UPDATE {table} SET secret = %s WHERE id = %s", [secret_b, id_a])
        cursor.execute(f"UPDATE {table} SET secret = %s WHERE id = %s", [secret_a, id_b])
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 encrypted value"):
        call_command("verify_encryption", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["failures"] == 2
    assert MARKER not in out.getvalue()


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_backup_then_restore_drill_on_sqlite(tmp_path: Path, keys):
    private, public = keys
    (tmp_path / "private").write_text(private)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DATABASE_", "REDIS_URL", "DJANGO_"))}
    env.update(
        {
            "HAVEN_ENV": "development",
            "HAVEN_VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'source.sqlite3'}",
            "HAVEN_BACKUP_PUBLIC_KEY": public,
        }
    )
    (tmp_path / "var" / "media").mkdir(parents=True)
    (tmp_path / "var" / "media" / "upload.bin").write_bytes(MARKER.encode())
    assert _manage(env, "migrate", "-v0").returncode == 0
    made = _manage(
        env,
        "shell",
        "-c",
        "from accounts.services import user_create, totp_device_start\n"
        "for i in range(5): totp_device_start(user=user_create(email=f'd{i}@example.org', name='D'))",
    )
    assert made.returncode == 0, made.stderr
    backup = _manage(env, "backup")
    assert backup.returncode == 0, backup.stderr
    files = list((tmp_path / "var" / "backups").glob("haven-*.backup"))
    assert len(files) == 1 and oct(files[0].stat().st_mode & 0o777) == "0o600"
    assert MARKER.encode() not in files[0].read_bytes() and b"SQLite format" not in files[0].read_bytes()

    drill = _manage(
        env,
        "restore_drill",
        "--private-key-file",
        str(tmp_path / "private"),
        "--into",
        f"sqlite:///{tmp_path / 'drill.sqlite3'}",
        "--json",
    )
    assert drill.returncode == 0, drill.stdout + drill.stderr
    report = json.loads(drill.stdout.strip().splitlines()[-1])
    assert report["failures"] == 0
    assert report["models"]["accounts.TOTPDevice"] == {"rows": 5, "values": 5, "failures": 0}
    assert report["files"] == ["media"]
    assert report["migrations_current"] is True
    assert all(seconds >= 0 for seconds in report["phases"].values()) and len(report["phases"]) == 4
    assert not (tmp_path / "drill.sqlite3").exists()  # cleaned up

    refused = _manage(
        env,
        "restore_drill",
        "--private-key-file",
        str(tmp_path / "private"),
        "--into",
        f"sqlite:///{tmp_path / 'source.sqlite3'}",
    )
    assert refused.returncode != 0 and "exists" in refused.stderr
    assert (tmp_path / "source.sqlite3").exists()  # never overwritten, never removed
