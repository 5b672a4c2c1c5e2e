import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ops.backup import (
    BackupError,
    Phases,
    database_exists,
    parse_database_url,
    restore_database,
    run_pg,
    unpack_backup,
)


class Command(BaseCommand):
    help = (
        "Restore drill: decrypt a backup, restore it into a new database, check its migrations and decrypt "
        "every encrypted field there. Reports the time of each phase and the failures (none, or it fails)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--backup", default="", help="the backup file (default: the newest in HAVEN_BACKUP_DIR)")
        parser.add_argument(
            "--private-key-file", required=True, help="file holding the backup private key (kept offline)"
        )
        parser.add_argument(
            "--into",
            required=True,
            help="DATABASE_URL of a database that does not exist yet, e.g. postgres://...@host/haven_drill",
        )
        parser.add_argument("--keep", action="store_true", help="keep the restored database and files afterwards")
        parser.add_argument("--json", action="store_true", help="the report as one JSON object")

    def _backup(self, given: str) -> Path:
        if given:
            return Path(given)
        found = sorted(Path(settings.HAVEN_BACKUP_DIR).glob("haven-*.backup"))
        if not found:
            raise CommandError(f"no backup in {settings.HAVEN_BACKUP_DIR}")
        return found[-1]

    def handle(self, *args: Any, **options: Any) -> None:
        backup = self._backup(options["backup"])
        private_key = Path(options["private_key_file"]).read_text(encoding="utf-8").strip()
        target_url = options["into"]
        try:
            exists = database_exists(target_url)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if exists:
            # Checked before anything is created: the clean-up below must only ever remove the drill's own.
            raise CommandError(f"the database of --into exists: a drill restores into a new database ({target_url})")
        phases = Phases()
        report: dict[str, Any] = {"backup": backup.name}
        workdir = Path(tempfile.mkdtemp(prefix="haven-drill-"))
        child_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATABASE_URL_FILE"}}
        child_env["DATABASE_URL"] = target_url
        try:
            with phases.timed("decrypt and unpack"):
                manifest = unpack_backup(backup, private_key=private_key, workdir=workdir)
            report["files"] = manifest["files"]
            with phases.timed("restore database"):
                restore_database(workdir / "unpacked" / manifest["database"], target_url=target_url)
            with phases.timed("check migrations"):
                migrations = subprocess.run(
                    [sys.executable, "manage.py", "migrate", "--check", "--no-input"],
                    cwd=settings.BASE_DIR,
                    env=child_env,
                    capture_output=True,
                    text=True,
                )
            report["migrations_current"] = migrations.returncode == 0
            with phases.timed("decrypt every encrypted field"):
                verified = subprocess.run(
                    [sys.executable, "manage.py", "verify_encryption", "--json"],
                    cwd=settings.BASE_DIR,
                    env=child_env,
                    capture_output=True,
                    text=True,
                )
            try:
                result = json.loads(verified.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError) as exc:
                raise CommandError(f"verify_encryption did not report: {verified.stderr[-2000:]}") from exc
        except (BackupError, subprocess.CalledProcessError, OSError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            text = detail.decode(errors="replace") if isinstance(detail, bytes) else str(detail)
            raise CommandError(f"restore drill failed: {exc} {text[-2000:]}") from exc
        finally:
            if not options["keep"]:
                self._clean(workdir, target_url)
        report["phases"] = {name: round(s, 3) for name, s in phases.seconds.items()}
        report["decrypt_seconds"] = result["seconds"]  # the decryption alone, without the process start
        report["models"] = {
            m["model"]: {"rows": m["rows"], "values": m["values"], "failures": m["failures"]} for m in result["models"]
        }
        report["values"] = sum(m["values"] for m in result["models"])
        report["failures"] = result["failures"]
        if options["json"]:
            self.stdout.write(json.dumps(report))
        else:
            self.stdout.write(f"backup {backup.name}: files {', '.join(manifest['files']) or 'none'}")
            for name, seconds in phases.seconds.items():
                self.stdout.write(f"  {name}: {seconds:.2f} s")
            for model, counts in report["models"].items():
                self.stdout.write(
                    f"  {model}: {counts['rows']} rows, {counts['values']} values, {counts['failures']} failures"
                )
            self.stdout.write(
                f"{report['values']} encrypted values decrypted in {result['seconds']:.2f} s, "
                f"{report['failures']} failures"
            )
        if not report["migrations_current"]:
            raise CommandError(
                "the restored database's migrations differ from this code's: " + migrations.stdout[-500:]
            )
        if report["failures"]:
            raise CommandError(f"{report['failures']} encrypted value(s) did not decrypt")

    def _clean(self, workdir: Path, target_url: str) -> None:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
        target = parse_database_url(target_url)
        if target["ENGINE"] == "django.db.backends.postgresql":
            run_pg("dropdb", ["--if-exists", target["NAME"]], target, check=False)
        elif target["ENGINE"] == "django.db.backends.sqlite3":
            for suffix in ("", "-wal", "-shm"):
                Path(str(target["NAME"]) + suffix).unlink(missing_ok=True)
