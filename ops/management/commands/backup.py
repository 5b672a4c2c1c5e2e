import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from ops.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Write an encrypted backup (database dump, uploaded files, audit checkpoints) for the public key in "
        "HAVEN_BACKUP_PUBLIC_KEY. The KEKs and the audit key are never in it: keep them apart."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", default="", help="folder for the backup (default HAVEN_BACKUP_DIR)")
        parser.add_argument(
            "--keep-days", type=int, default=0, help="delete this folder's backups older than this many days (0: keep)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.HAVEN_BACKUP_PUBLIC_KEY:
            raise CommandError("HAVEN_BACKUP_PUBLIC_KEY is not set (make a key pair: manage.py generate_backup_keys).")
        out_dir = Path(options["out"]) if options["out"] else settings.HAVEN_BACKUP_DIR
        files = {"media": Path(settings.MEDIA_ROOT), "audit-checkpoints.jsonl": settings.HAVEN_AUDIT_CHECKPOINTS}
        try:
            path, phases = make_backup(
                db=connection.settings_dict, files=files, public_key=settings.HAVEN_BACKUP_PUBLIC_KEY, out_dir=out_dir
            )
        except (BackupError, OSError) as exc:
            raise CommandError(f"backup failed: {exc}") from exc
        for name, seconds in phases.seconds.items():
            self.stdout.write(f"{name}: {seconds:.2f} s")
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
        if options["keep_days"] > 0:
            cutoff = time.time() - options["keep_days"] * 86400
            for old in out_dir.glob("haven-*.backup"):
                if old != path and old.stat().st_mtime < cutoff:
                    old.unlink()
                    self.stdout.write(f"deleted {old.name}")
