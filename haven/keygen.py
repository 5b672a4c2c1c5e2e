"""Secrets for a new installation, made without loading Django's settings.

Production settings refuse to load until the secrets exist, so the commands that make them cannot need
settings: ``manage.py`` runs the commands named in ``COMMANDS`` from here, before Django starts.

- ``generate_kek [--id ID]``: one key-encryption key for ``HAVEN_KEKS`` (``id:base64url``).
- ``generate_audit_key``: one audit key for ``HAVEN_AUDIT_KEY``.
- ``generate_secrets --dir DIR``: every secret of a new installation, each in its own file in ``DIR``
  (mode 600: ``secret_key``, ``keks``, ``audit_key``, ``metrics_token``), and on standard output the
  ``NAME_FILE=path`` lines that point the settings at them. Files, not values in the environment: a
  ``systemctl reload`` makes new web workers read them afresh, which key rotation relies on. Without
  ``--dir``, ``NAME=value`` lines.
- ``generate_backup_keys``: the key pair of encrypted backups (``ops/backup.py``). The public key goes into
  the server's settings (``HAVEN_BACKUP_PUBLIC_KEY``); the private key is shown once, to be kept offline
  with the KEKs, never on the server: the server can write backups but not read them.
"""

from __future__ import annotations

import argparse
import base64
import os
import secrets
import sys
from pathlib import Path

COMMANDS = ("generate_kek", "generate_audit_key", "generate_secrets", "generate_backup_keys")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def new_kek(kek_id: str = "") -> str:
    kek_id = kek_id or "k" + secrets.token_hex(4)
    if not kek_id.isalnum():
        raise ValueError("a key id is letters and digits only")
    return f"{kek_id}:{_b64(secrets.token_bytes(32))}"


def new_audit_key() -> str:
    return _b64(secrets.token_bytes(32))


def new_secret_key() -> str:
    return secrets.token_urlsafe(64)


def new_metrics_token() -> str:
    return secrets.token_urlsafe(32)


def new_backup_keys() -> tuple[str, str]:
    """(private, public), both base64url of raw X25519 keys."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    raw = serialization.Encoding.Raw
    private_bytes = private.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    public_bytes = private.public_key().public_bytes(raw, serialization.PublicFormat.Raw)
    return _b64(private_bytes), _b64(public_bytes)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"manage.py {argv[0]}")
    if argv[0] == "generate_kek":
        parser.add_argument("--id", default="", help="key id (letters and digits); random if omitted")
    if argv[0] == "generate_secrets":
        parser.add_argument("--dir", default="", help="write each secret to its own file in this folder")
    if argv[0] == "generate_backup_keys":
        parser.add_argument(
            "--private-key-file", default="", help="write the private key here (mode 600), not to stderr"
        )
    options = parser.parse_args(argv[1:])
    if argv[0] == "generate_kek":
        try:
            print(new_kek(options.id))
        except ValueError as exc:
            parser.error(str(exc))
    elif argv[0] == "generate_audit_key":
        print(new_audit_key())
    elif argv[0] == "generate_secrets":
        values = {
            "SECRET_KEY": ("secret_key", new_secret_key()),
            "HAVEN_KEKS": ("keks", new_kek()),
            "HAVEN_AUDIT_KEY": ("audit_key", new_audit_key()),
            "HAVEN_SAFETY_KEY": ("safety_key", new_audit_key()),  # same shape: 32 random bytes, base64url
            "HAVEN_METRICS_TOKEN": ("metrics_token", new_metrics_token()),
        }
        if not options.dir:
            for name, (_, value) in values.items():
                print(f"{name}={value}")
            return 0
        folder = Path(options.dir).resolve()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, (filename, value) in values.items():
            path = folder / filename
            if path.exists():
                parser.error(f"{path} exists: secrets are made once (a new KEK: generate_kek)")
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(value + "\n")
            print(f"{name}_FILE={path}")
    elif argv[0] == "generate_backup_keys":
        private, public = new_backup_keys()
        print(f"HAVEN_BACKUP_PUBLIC_KEY={public}")
        if options.private_key_file:
            descriptor = os.open(options.private_key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(private + "\n")
            return 0
        print(
            f"# Private backup key: store it offline with the KEKs, NOT on this server. Restores need it.\n"
            f"# HAVEN_BACKUP_PRIVATE_KEY={private}",
            file=sys.stderr,
        )
    return 0
