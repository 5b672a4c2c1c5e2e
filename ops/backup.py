"""Encrypted backups: a database dump and the files on disk, sealed for a key the server does not hold.

Format (one file, ``haven-<time>.backup``)::

    b"HAVENBK1" | ephemeral X25519 public key (32) | chunks...
    chunk: length (4 bytes, big endian) | AES-256-GCM(nonce = 8 zero bytes | counter (4), chunk)

The chunk key comes from X25519(ephemeral private, backup public key) through HKDF-SHA256; each chunk's
associated data says whether it is the last one, so a cut file does not decrypt as complete. The server
knows only the public key (``HAVEN_BACKUP_PUBLIC_KEY``): it can write backups, not read them. The private
key stays offline; so do the KEKs and the audit key, which a backup never contains — the database inside
holds data keys wrapped under the KEKs, so a stolen backup and its private key are still not enough.

Inside (a tar): ``database.dump`` (``pg_dump --format=custom``) or ``database.sqlite3`` (SQLite's online
backup), ``files/`` (``MEDIA_ROOT`` and the audit checkpoints file) and ``manifest.json``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlparse

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"HAVENBK1"
CHUNK = 1024 * 1024
_INFO = b"haven-backup-v1"


class BackupError(Exception):
    pass


def _b64d(text: str) -> bytes:
    import base64

    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _chunk_key(shared: bytes, ephemeral_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public, info=_INFO).derive(shared)


def _nonce(counter: int) -> bytes:
    return b"\0" * 8 + counter.to_bytes(4, "big")


def _chunks(source: IO[bytes]) -> Iterator[tuple[bytes, bool]]:
    current = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        yield current, not following
        if not following:
            return
        current = following


def encrypt_stream(source: IO[bytes], target: IO[bytes], *, public_key: str) -> None:
    recipient = X25519PublicKey.from_public_bytes(_b64d(public_key))
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    aead = AESGCM(_chunk_key(ephemeral.exchange(recipient), ephemeral_public))
    target.write(MAGIC + ephemeral_public)
    for counter, (chunk, last) in enumerate(_chunks(source)):
        sealed = aead.encrypt(_nonce(counter), chunk, b"last" if last else b"more")
        target.write(len(sealed).to_bytes(4, "big") + sealed)


def decrypt_stream(source: IO[bytes], target: IO[bytes], *, private_key: str) -> None:
    from cryptography.exceptions import InvalidTag

    header = source.read(len(MAGIC) + 32)
    if header[: len(MAGIC)] != MAGIC:
        raise BackupError("not a Haven backup (or a damaged one)")
    ephemeral_public = header[len(MAGIC) :]
    private = X25519PrivateKey.from_private_bytes(_b64d(private_key))
    aead = AESGCM(_chunk_key(private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)), ephemeral_public))
    counter, finished = 0, False
    while True:
        size_bytes = source.read(4)
        if not size_bytes:
            break
        if finished:
            raise BackupError("data after the last chunk")
        sealed = source.read(int.from_bytes(size_bytes, "big"))
        for aad in (b"more", b"last"):
            try:
                target.write(aead.decrypt(_nonce(counter), sealed, aad))
                finished = aad == b"last"
                break
            except InvalidTag:
                continue
        else:
            raise BackupError("the backup does not decrypt with this key (wrong key or damaged file)")
        counter += 1
    if not finished:
        raise BackupError("the backup is cut short")


@dataclass
class Phases:
    """Seconds per named phase, in order."""

    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, name: str) -> _Timer:
        return _Timer(self, name)


class _Timer:
    def __init__(self, phases: Phases, name: str) -> None:
        self.phases, self.name = phases, name

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.phases.seconds[self.name] = time.perf_counter() - self.started


def _pg_env(settings_db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if settings_db.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_db["PASSWORD"])
    return env


def _pg_args(settings_db: dict[str, Any]) -> list[str]:
    args = []
    if settings_db.get("HOST"):
        args += ["--host", str(settings_db["HOST"])]
    if settings_db.get("PORT"):
        args += ["--port", str(settings_db["PORT"])]
    if settings_db.get("USER"):
        args += ["--username", str(settings_db["USER"])]
    return args


def run_pg(tool: str, args: list[str], db: dict[str, Any], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL client program (pg_dump, pg_restore, createdb, dropdb) for this database's server."""
    program = shutil.which(tool)
    if program is None:
        raise BackupError(f"{tool} is not installed (Debian: postgresql-client)")
    result = subprocess.run(  # noqa: S603 - a fixed program with arguments from settings
        [program, *_pg_args(db), *args], env=_pg_env(db), capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()[-2000:]}")
    return result


def dump_database(db: dict[str, Any], workdir: Path) -> Path:
    engine = db["ENGINE"]
    if engine == "django.db.backends.postgresql":
        out = workdir / "database.dump"
        run_pg("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", str(out), db["NAME"]], db)
        return out
    if engine == "django.db.backends.sqlite3":
        out = workdir / "database.sqlite3"
        source = sqlite3.connect(str(db["NAME"]))
        target = sqlite3.connect(str(out))
        with target:
            source.backup(target)
        source.close()
        target.close()
        return out
    raise BackupError(f"no backup for the database engine {engine}")


def make_backup(*, db: dict[str, Any], files: dict[str, Path], public_key: str, out_dir: Path) -> tuple[Path, Phases]:
    """Write an encrypted backup into ``out_dir``; ``files`` maps a name in the archive to a file or folder."""
    phases = Phases()
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = out_dir / f"haven-{stamp}.backup"
    with tempfile.TemporaryDirectory(prefix="haven-backup-") as tmp:
        workdir = Path(tmp)
        with phases.timed("dump database"):
            dump = dump_database(db, workdir)
        with phases.timed("archive and encrypt"):
            archive = workdir / "backup.tar"
            manifest = {"format": 1, "created": stamp, "database": dump.name, "engine": db["ENGINE"], "files": []}
            with tarfile.open(archive, "w") as tar:
                tar.add(dump, arcname=dump.name)
                for name, path in files.items():
                    if path.exists():
                        tar.add(path, arcname=f"files/{name}")
                        manifest["files"].append(name)
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            partial = target.with_suffix(".partial")
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(archive, "rb") as source, os.fdopen(fd, "wb") as sink:
                encrypt_stream(source, sink, public_key=public_key)
                sink.flush()
                os.fsync(sink.fileno())
            partial.rename(target)
    return target, phases


def unpack_backup(backup: Path, *, private_key: str, workdir: Path) -> dict[str, Any]:
    """Decrypt and unpack into ``workdir``; returns the manifest."""
    archive = workdir / "backup.tar"
    with open(backup, "rb") as source, open(archive, "wb") as sink:
        decrypt_stream(source, sink, private_key=private_key)
    with tarfile.open(archive) as tar:
        tar.extractall(workdir / "unpacked", filter="data")
    archive.unlink()
    manifest: dict[str, Any] = json.loads((workdir / "unpacked" / "manifest.json").read_text())
    return manifest


def parse_database_url(url: str) -> dict[str, Any]:
    import dj_database_url

    return dict(dj_database_url.parse(url))


def database_exists(target_url: str) -> bool:
    target = parse_database_url(target_url)
    if target["ENGINE"] == "django.db.backends.postgresql":
        listed = run_pg("psql", ["--dbname", "postgres", "-Atc", "SELECT datname FROM pg_database"], target)
        return str(target["NAME"]) in listed.stdout.split()
    return Path(str(target["NAME"])).exists()


def restore_database(dump: Path, *, target_url: str) -> None:
    """Load the dump into a new, empty database (created here; refused if it exists)."""
    target = parse_database_url(target_url)
    if target["ENGINE"] == "django.db.backends.postgresql":
        if not dump.name.endswith(".dump"):
            raise BackupError("a PostgreSQL database restores from a PostgreSQL dump")
        run_pg("createdb", [target["NAME"]], target)
        run_pg(
            "pg_restore",
            ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", target["NAME"], str(dump)],
            target,
        )
        return
    if target["ENGINE"] == "django.db.backends.sqlite3":
        path = Path(unquote(urlparse(target_url).path)) if target_url.startswith("sqlite:") else Path(target["NAME"])
        path = Path(target["NAME"]) if target["NAME"] else path
        if path.exists():
            raise BackupError(f"{path} exists: a drill restores into a new database")
        if not dump.name.endswith(".sqlite3"):
            raise BackupError("an SQLite database restores from an SQLite backup")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dump.read_bytes())
        return
    raise BackupError(f"no restore for the database engine {target['ENGINE']}")
