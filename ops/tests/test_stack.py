"""The production stack from the repository's files, started on this machine: gunicorn and the job worker
against PostgreSQL and Redis on 127.0.0.1, nginx in front when installed. A page, a background job, a worker
restart, a reload of the web server, metrics, logs without client identifiers, and a key rotation while
the stack serves."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.middleware import CONTENT_SECURITY_POLICY
from haven import keygen
from ops.localstack import ROOT, Stack, services_available, wait_until

pytestmark = pytest.mark.skipif(bool(services_available()), reason=services_available() or "ok")

UA_MARKER = "uniqueagentmarker"
QUERY_MARKER = "querymarkerword"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    running = Stack(workdir=tmp_path_factory.mktemp("stack"), web_workers=2)
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _jobs(stack: Stack) -> dict[str, int]:
    out = stack.manage(
        "shell",
        "-c",
        "import json; from django_tasks_db.models import DBTaskResult as R; from django.db.models import Count; "
        "print(json.dumps(dict(R.objects.values_list('status').annotate(n=Count('id')).order_by())))",
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _enqueue_email(stack: Stack, to: str) -> None:
    stack.manage(
        "shell",
        "-c",
        f"from core.email import email_enqueue; email_enqueue(to={to!r}, template='accounts/email/added', "
        "context={'name': 'N', 'role': 'admin', 'organisation': 'O', 'link': 'https://haven.test/'}, "
        "language='nl')",
    )


def _delivered(stack: Stack, to: str) -> bool:
    assert stack.smtp is not None
    return any(to in message for message in stack.smtp.messages)


def test_a_public_page_is_served_with_its_security_headers(stack: Stack):
    status, headers, body = stack.get(f"/en/search/?q={QUERY_MARKER}")
    assert status == 200, body[:500]
    assert b"Haven" in body
    assert headers.get("Content-Security-Policy") == CONTENT_SECURITY_POLICY
    if stack.with_nginx:
        assert headers["Strict-Transport-Security"].startswith("max-age=63072000")
        assert "Set-Cookie" not in headers


def test_static_files_carry_the_security_headers_and_are_compressed(stack: Stack):
    if not stack.with_nginx:
        pytest.skip("nginx is not installed")
    status, _, body = stack.get("/en/")
    css = re.search(rb'href="(/static/[^"]+\.css)"', body)
    assert css, "the home page links its stylesheet"
    status, headers, _ = stack.get(css.group(1).decode(), headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    for name in ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert name in headers, name
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "immutable" in headers["Cache-Control"]


def test_plain_http_redirects_to_https(stack: Stack):
    if not stack.with_nginx:
        pytest.skip("nginx is not installed")
    conf = (stack.workdir / "nginx" / "haven.conf").read_text()
    http_port = re.search(r"listen 127\.0\.0\.1:(\d+);", conf)
    assert http_port
    status, headers, _ = stack.get(f"http://127.0.0.1:{http_port.group(1)}/en/", direct=True)
    assert status == 301 and headers["Location"].startswith("https://")


def test_a_background_job_is_processed_and_the_worker_restarts(stack: Stack):
    _enqueue_email(stack, "first@example.org")
    wait_until(lambda: _delivered(stack, "first@example.org"), what="the first email", timeout=60)
    # Restart: SIGTERM (what systemd sends), the worker stops cleanly, a new one takes over.
    old = stack.workers[-1]
    old.terminate()
    assert old.wait(timeout=60) == 0
    _enqueue_email(stack, "while-stopped@example.org")
    time.sleep(1)
    assert not _delivered(stack, "while-stopped@example.org")  # waits in the queue, not lost
    assert _jobs(stack).get("READY", 0) >= 1
    stack.start_worker()
    wait_until(lambda: _delivered(stack, "while-stopped@example.org"), what="the queued email", timeout=60)
    assert _jobs(stack).get("FAILED", 0) == 0


def test_the_web_server_reloads_without_dropping_requests(stack: Stack):
    assert stack.web is not None
    failures: list[int] = []
    done = threading.Event()

    def hammer() -> None:
        while not done.is_set():
            status, _, _ = stack.get("/en/")
            if status != 200:
                failures.append(status)

    thread = threading.Thread(target=hammer)
    thread.start()
    time.sleep(1)
    stack.web.send_signal(1)  # SIGHUP: `systemctl reload haven-web`
    time.sleep(4)
    done.set()
    thread.join()
    assert failures == []


def test_metrics_are_protected_and_hold_no_personal_data(stack: Stack):
    stack.get("/en/")
    status, _, _ = stack.get("/metrics", direct=True)
    assert status == 404
    status, _, _ = stack.get("/metrics", direct=True, headers={"Authorization": "Bearer wrong"})
    assert status == 404
    token = stack.env["HAVEN_METRICS_TOKEN"]
    status, headers, body = stack.get("/metrics", direct=True, headers={"Authorization": f"Bearer {token}"})
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert re.search(r'haven_requests_total\{route="core:home",status="200"\} \d+', text) or 'status="200"' in text
    assert 'haven_jobs{status="READY"}' in text
    assert QUERY_MARKER not in text and "127.0.0.1" not in text and "203.0.113.7" not in text
    if stack.with_nginx:  # and nginx lets only the machine itself reach it
        status, _, _ = stack.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert status == 200


def test_key_rotation_while_the_stack_serves(stack: Stack):
    """docs/deployment.md, "Rotating the key-encryption key": add, promote, re-wrap, verify, retire."""
    stack.manage(
        "shell",
        "-c",
        "from accounts.services import user_create, totp_device_start\n"
        "for i in range(3): totp_device_start(user=user_create(email=f'r{i}@example.org', name='R'))",
    )
    keks = Path(stack.env["HAVEN_KEKS_FILE"])
    old = keks.read_text().strip()
    new = keygen.new_kek("second")
    failures: list[str] = []
    done = threading.Event()

    def serve_and_decrypt() -> None:
        while not done.is_set():
            status, _, _ = stack.get("/en/")
            if status != 200:
                failures.append(f"page {status}")
            result = stack.manage("verify_encryption", check=False)
            if result.returncode != 0:
                failures.append(result.stderr[-300:])

    def reload_web() -> None:
        assert stack.web is not None
        stack.web.send_signal(1)
        time.sleep(3)

    thread = threading.Thread(target=serve_and_decrypt)
    thread.start()
    try:
        keks.write_text(f"{old},{new}\n")  # 1. the new key, second: every process can unwrap with it
        reload_web()
        keks.write_text(f"{new},{old}\n")  # 2. first: new data keys are wrapped under it
        reload_web()
        rotated = stack.manage("rotate_keks")  # 3. re-wrap the existing data keys
        assert "re-wrapped under second" in rotated.stdout
        assert stack.manage("verify_encryption").returncode == 0  # 4. every value still decrypts
        keks.write_text(f"{new}\n")  # 5. the old key retires
        reload_web()
        time.sleep(2)
    finally:
        done.set()
        thread.join()
    assert failures == []
    assert "0 failures" in stack.manage("verify_encryption").stdout


def test_backup_and_restore_drill_on_postgresql(stack: Stack):
    private = stack.workdir / "secrets" / "backup-private"
    out = stack.workdir / "backups"
    backup = stack.manage("backup", "--out", str(out))
    assert "dump database" in backup.stdout
    files = list(out.glob("haven-*.backup"))
    assert len(files) == 1
    raw = files[0].read_bytes()
    assert b"r1@example.org" not in raw and b"PGDMP" not in raw  # nothing readable without the key
    drill_db = stack.db_name + "_drill"
    result = stack.manage(
        "restore_drill",
        "--backup",
        str(files[0]),
        "--private-key-file",
        str(private),
        "--into",
        f"postgres://postgres@127.0.0.1:5432/{drill_db}",
        "--json",
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == 0
    assert report["models"]["accounts.TOTPDevice"]["values"] >= 3
    assert set(report["phases"]) == {
        "decrypt and unpack",
        "restore database",
        "check migrations",
        "decrypt every encrypted field",
    }
    listed = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-lqt"], capture_output=True, text=True)
    assert drill_db not in listed.stdout  # the drill cleans up after itself


def test_logs_hold_no_address_user_agent_or_query(stack: Stack):
    stack.get(f"/en/search/?q={QUERY_MARKER}")
    stack.get("/en/no-such-page/")
    time.sleep(1)
    logs = {path.name: path.read_text(errors="replace") for path in stack.workdir.glob("*.log")}
    if stack.with_nginx:
        logs.update({f"nginx/{p.name}": p.read_text(errors="replace") for p in (stack.workdir / "nginx").glob("*.log")})
        access = logs["nginx/haven.access.log"]
        assert access.count("\n") >= 5
        for line in access.splitlines():
            entry = json.loads(line)
            assert set(entry) == {"time", "method", "path", "status", "bytes", "seconds", "upstream_seconds"}
    assert '"logger": "gunicorn.access"' in logs["gunicorn.log"]  # structured (JSON) lines
    assert '"logger": "django.request"' in logs["gunicorn.log"]  # Django's own, too (the 404 above)
    for name, text in logs.items():
        for marker in ("127.0.0.1", "203.0.113.7", UA_MARKER, QUERY_MARKER, "HavenStackTest"):
            assert marker not in text, f"{marker} in {name}"


def test_the_nginx_configuration_passes_nginx_t(stack: Stack):
    if not shutil.which("nginx"):
        pytest.skip("nginx is not installed")
    main = stack.workdir / "nginx" / "nginx.conf"
    result = subprocess.run(["nginx", "-t", "-c", str(main)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_shipped_files_exist_and_agree():
    deploy = ROOT / "deploy"
    headers = (deploy / "nginx" / "security-headers.conf").read_text()
    assert f'Content-Security-Policy "{CONTENT_SECURITY_POLICY}"' in headers
    site = (deploy / "nginx" / "haven.conf").read_text()
    log_format = site[site.index("log_format") : site.index(";", site.index("log_format"))]
    for variable in ("$remote_addr", "$http_user_agent", "$http_referer", "$args", "$request ", "$http_x_forwarded"):
        assert variable not in log_format
    assert "haven_privacy" in site and re.search(r"access_log [^;]+ haven_privacy;", site)
    for unit in ("haven-web.service", "haven-worker@.service", "haven-daily.service", "haven-daily.timer"):
        assert (deploy / "systemd" / unit).exists()
    assert "gunicorn -c deploy/gunicorn.conf.py" in (deploy / "systemd" / "haven-web.service").read_text()
    assert "db_worker" in (deploy / "Procfile").read_text()
