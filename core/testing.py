"""Helpers for the test suite only."""

from pathlib import Path

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id with tiny costs, so tests stay quick; hashes still read ``argon2$argon2id$``."""

    time_cost = 1
    memory_cost = 64
    parallelism = 1


def raw_database_dump() -> bytes:
    """Everything the database holds on disk, as bytes: the SQLite files, or `pg_dump` output.

    Use from tests marked ``django_db(transaction=True)`` so that the data is committed.
    """
    import subprocess
    from pathlib import Path

    from django.db import connection

    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(FULL)")
        base = Path(settings_dict["NAME"])
        return b"".join(
            path.read_bytes() for path in (base, Path(f"{base}-wal"), Path(f"{base}-journal")) if path.exists()
        )
    if connection.vendor == "postgresql":
        command = ["pg_dump", "--no-owner", "--dbname", settings_dict["NAME"]]
        if settings_dict.get("HOST"):
            command += ["--host", settings_dict["HOST"]]
        if settings_dict.get("PORT"):
            command += ["--port", str(settings_dict["PORT"])]
        if settings_dict.get("USER"):
            command += ["--username", settings_dict["USER"]]
        env = {"PGPASSWORD": settings_dict.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"}
        result = subprocess.run(command, check=True, capture_output=True, env=env, timeout=120)  # noqa: S603
        return result.stdout
    raise NotImplementedError(connection.vendor)


def shared_file(path: Path) -> Path:
    """A file from the workspace's shared/ folder: skip when it is absent, except under CI, where it must be."""
    import os

    import pytest

    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and CI must not skip this test")
        pytest.skip(f"{path} is not beside the project")
    return path
