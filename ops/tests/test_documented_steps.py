"""docs/configuration.md's production steps work as written: the block runs, in order, in a clean
environment (no variable of this shell), against a PostgreSQL database and roles of its own. Only the
variables at the top change, and the lines marked ``# install`` (machine packages, the system user) are
skipped: this machine has the packages, and the test runs from the checkout's own virtual environment."""

from __future__ import annotations

import re
import secrets
import subprocess
from pathlib import Path

import pytest

from ops.localstack import ROOT, services_available

pytestmark = pytest.mark.skipif(bool(services_available()), reason=services_available() or "ok")

DOC = ROOT / "docs" / "configuration.md"


def documented_steps() -> str:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- production-steps -->\n```sh\n(.*?)```\n<!-- /production-steps -->", text, re.S)
    assert block, "docs/configuration.md has lost its production-steps block"
    return block.group(1)


def test_the_steps_name_every_setting_production_needs():
    steps = documented_steps()
    for name in ("ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST", "generate_secrets", "migrate", "grant_app_role"):
        assert name in steps


def test_the_documented_production_steps_run_in_a_clean_environment(tmp_path: Path):
    suffix = secrets.token_hex(3)
    names = {
        "DB_NAME": f"haven_docs_{suffix}",
        "DB_OWNER": f"haven_docs_owner_{suffix}",
        "DB_APP": f"haven_docs_app_{suffix}",
    }
    overrides = {
        "APP_DIR": str(ROOT),
        "ETC": str(tmp_path / "etc"),
        "VAR": str(tmp_path / "var"),
        "PSQL": '"psql -h 127.0.0.1 -U postgres"',
        "EMAIL_HOST": "127.0.0.1",
        **names,
    }
    lines = []
    for line in documented_steps().splitlines():
        if line.rstrip().endswith("# install"):
            continue
        match = re.match(r"^([A-Z_]+)=", line)
        if match and match.group(1) in overrides:
            line = f"{match.group(1)}={overrides[match.group(1)]}"
        lines.append(line)
    script = tmp_path / "steps.sh"
    script.write_text("set -euo pipefail\n" + "\n".join(lines) + "\n")
    clean_env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    try:
        result = subprocess.run(
            ["bash", str(script)], cwd=tmp_path, env=clean_env, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        assert "no issues" in result.stdout + result.stderr  # check --deploy at the end
        env_file = (tmp_path / "etc" / "haven.env").read_text()
        assert "HAVEN_KEKS_FILE=" in env_file and "HAVEN_BACKUP_PUBLIC_KEY=" in env_file
        assert oct((tmp_path / "etc" / "secrets" / "keks").stat().st_mode & 0o777) == "0o600"
        # The application role, with the settings file alone, reads what load_content wrote.
        shell = subprocess.run(
            ["bash", "-c", f'set -a; . "{tmp_path}/etc/haven.env"; set +a; cd "{ROOT}"; '
             '.venv/bin/python manage.py shell -c "from django.db import connection; '
             "c = connection.cursor(); c.execute('select current_user'); print(c.fetchone()[0])\""],
            env=clean_env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert shell.returncode == 0, shell.stderr[-2000:]
        assert shell.stdout.strip().endswith(names["DB_APP"])
    finally:
        subprocess.run(
            ["dropdb", "--if-exists", "--force", "-h", "127.0.0.1", "-U", "postgres", names["DB_NAME"]],
            capture_output=True,
        )
        for role in (names["DB_APP"], names["DB_OWNER"]):
            subprocess.run(
                ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP ROLE IF EXISTS {role}"], capture_output=True
            )
