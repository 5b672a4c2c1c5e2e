# ruff: noqa: S603, S607, S310 - a harness that starts the stack's own programs on loopback
"""Start Haven's production stack on this machine from the repository's own files, for tests and benchmarks.

gunicorn (deploy/gunicorn.conf.py) and job workers (``db_worker``) under the production profile, against
PostgreSQL and Redis on 127.0.0.1, with nginx (deploy/nginx/) in front when it is installed. Only what must
differ from a real server is changed: ports, paths, a self-signed certificate, a database of its own, and a
small SMTP sink standing in for the mail server. Nothing here is used by the running application.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from haven import keygen

ROOT = Path(__file__).resolve().parents[1]
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
REDIS = ("127.0.0.1", 6379)
HOST = "haven.test"


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def services_available() -> str:
    """Empty when PostgreSQL and Redis answer on 127.0.0.1, else why not."""
    if not reachable(PG["host"], int(PG["port"])):
        return "PostgreSQL is not listening on 127.0.0.1:5432"
    if not reachable(*REDIS):
        return "Redis is not listening on 127.0.0.1:6379"
    if not shutil.which("createdb"):
        return "the PostgreSQL client programs are missing"
    return ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept Django's messages (no TLS, no auth)."""

    def handle(self) -> None:
        sink: SMTPSink = self.server.sink  # type: ignore[attr-defined]
        self.wfile.write(b"220 sink ESMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.strip().split(b" ")[0].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 sink\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                sink.messages.append(b"".join(data).decode("utf-8", "replace"))
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


class SMTPSink:
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
        self.server.sink = self  # type: ignore[attr-defined]
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Stack:
    """A running stack. ``env`` is the production environment every process gets."""

    workdir: Path
    web_workers: int = 2
    with_nginx: bool = True
    load_content: bool = False
    extra_env: dict[str, str] = field(default_factory=dict)  # on top of the production environment (benchmarks)
    env: dict[str, str] = field(default_factory=dict)
    db_name: str = ""
    web_port: int = 0
    https_port: int = 0
    web: subprocess.Popen[bytes] | None = None
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    nginx: subprocess.Popen[bytes] | None = None
    smtp: SMTPSink | None = None

    # --- setup -------------------------------------------------------------------------------
    def prepare(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_name = f"haven_stack_{secrets.token_hex(4)}"
        self.web_port = free_port()
        self.smtp = SMTPSink()
        secrets_dir = self.workdir / "secrets"
        secrets_dir.mkdir(mode=0o700, exist_ok=True)
        (secrets_dir / "keks").write_text(keygen.new_kek("first") + "\n")
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("HAVEN_", "DJANGO_", "DATABASE_", "SECRET_KEY", "EMAIL_", "REDIS_", "DEBUG", "LOG_"))
        }
        self.env.update(
            {
                "HAVEN_ENV": "production",
                "DJANGO_SETTINGS_MODULE": "haven.settings",
                "SECRET_KEY": keygen.new_secret_key(),
                "HAVEN_KEKS_FILE": str(secrets_dir / "keks"),
                "HAVEN_AUDIT_KEY": keygen.new_audit_key(),
                "HAVEN_SAFETY_KEY": keygen.new_audit_key(),
                "HAVEN_METRICS_TOKEN": keygen.new_metrics_token(),
                "ALLOWED_HOSTS": f"{HOST},127.0.0.1,localhost",
                "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
                "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{self.db_name}",
                "REDIS_URL": "redis://127.0.0.1:6379/0",
                "HAVEN_CACHE_PREFIX": self.db_name,
                "HAVEN_WEB_WORKERS": str(self.web_workers),
                "HAVEN_BIND": f"127.0.0.1:{self.web_port}",
                "HAVEN_TRUSTED_PROXIES": "1",
                "HAVEN_VAR_DIR": str(self.workdir / "var"),
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(self.smtp.port),
                "EMAIL_USE_TLS": "0",
                "DEFAULT_FROM_EMAIL": f"Haven <no-reply@{HOST}>",
            }
        )
        self.env.update(self.extra_env)
        private, public = keygen.new_backup_keys()
        (secrets_dir / "backup-private").write_text(private)
        self.env["HAVEN_BACKUP_PUBLIC_KEY"] = public
        subprocess.run(["createdb", "-h", PG["host"], "-U", PG["user"], self.db_name], check=True)
        self.manage("migrate", "--no-input", "-v0")
        self.manage("collectstatic", "--no-input", "-v0")
        if self.load_content:
            self.manage("load_content")

    def manage(
        self, *args: str, env: dict[str, str] | None = None, check: bool = True, timeout: int = 600
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    # --- processes ---------------------------------------------------------------------------
    def _log(self, name: str) -> int:
        return os.open(self.workdir / f"{name}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def start_web(self) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        log = self._log("gunicorn")
        self.web = subprocess.Popen(
            [str(gunicorn), "-c", "deploy/gunicorn.conf.py", "haven.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )
        os.close(log)
        wait_until(lambda: self.get(f"http://127.0.0.1:{self.web_port}/livez", direct=True)[0] == 200, what="gunicorn")

    def start_worker(self) -> subprocess.Popen[bytes]:
        log = self._log("worker")
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.2"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )
        os.close(log)
        self.workers.append(worker)
        return worker

    def nginx_config(self) -> Path:
        """The repository's nginx files with this machine's ports and paths; returns the main config."""
        conf_dir = self.workdir / "nginx"
        conf_dir.mkdir(exist_ok=True)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (conf_dir / name).mkdir(exist_ok=True)
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "2", "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
                "-keyout", str(conf_dir / "key.pem"), "-out", str(conf_dir / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        self.https_port = free_port()
        http_port = free_port()
        deploy = ROOT / "deploy" / "nginx"
        shutil.copy(deploy / "security-headers.conf", conf_dir / "haven-security-headers.conf")
        shutil.copy(deploy / "proxy.conf", conf_dir / "haven-proxy.conf")
        site = (deploy / "haven.conf").read_text()
        replacements = [
            (r"listen \[::\]:\d+[^;]*;\n", ""),
            (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
            (r"listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;"),
            (r"haven\.example\.org", HOST),
            (r"/etc/letsencrypt/live/[^/]+/fullchain\.pem", str(conf_dir / "cert.pem")),
            (r"/etc/letsencrypt/live/[^/]+/privkey\.pem", str(conf_dir / "key.pem")),
            (r"/var/lib/haven/static/", str(self.workdir / "var" / "static") + "/"),
            (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{self.web_port};"),
            (r"/var/log/nginx/", str(conf_dir) + "/"),
            (r"/etc/nginx/snippets/", str(conf_dir) + "/"),
        ]
        for pattern, replacement in replacements:
            site = re.sub(pattern, replacement, site)
        (conf_dir / "haven.conf").write_text(site)
        main = conf_dir / "nginx.conf"
        main.write_text(
            f"""user root;
daemon off;
worker_processes 1;
pid {conf_dir}/nginx.pid;
error_log {conf_dir}/main-error.log crit;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path {conf_dir}/client_body;
    proxy_temp_path {conf_dir}/proxy;
    fastcgi_temp_path {conf_dir}/fastcgi;
    uwsgi_temp_path {conf_dir}/uwsgi;
    scgi_temp_path {conf_dir}/scgi;
    include {conf_dir}/haven.conf;
}}
"""
        )
        return main

    def start_nginx(self) -> None:
        main = self.nginx_config()
        log = self._log("nginx-stderr")
        self.nginx = subprocess.Popen(
            ["nginx", "-c", str(main), "-e", str(self.workdir / "nginx" / "main-error.log")], stdout=log, stderr=log
        )
        os.close(log)
        wait_until(lambda: reachable("127.0.0.1", self.https_port), what="nginx")

    def start(self) -> Stack:
        self.prepare()
        self.start_web()
        self.start_worker()
        if self.with_nginx and shutil.which("nginx"):
            self.start_nginx()
        else:
            self.with_nginx = False
        return self

    def stop(self) -> None:
        for process in [self.nginx, self.web, *self.workers]:
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [self.nginx, self.web, *self.workers]:
            if process is not None:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.smtp:
            self.smtp.close()
        if self.db_name:
            subprocess.run(
                ["dropdb", "--if-exists", "--force", "-h", PG["host"], "-U", PG["user"], self.db_name],
                capture_output=True,
            )

    # --- requests ----------------------------------------------------------------------------
    @property
    def base(self) -> str:
        return f"https://{HOST}:{self.https_port}" if self.with_nginx else f"http://127.0.0.1:{self.web_port}"

    def get(
        self, url: str, *, direct: bool = False, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """GET through nginx (TLS, certificate not checked, haven.test resolved to 127.0.0.1) or, with
        ``direct``, straight to gunicorn as nginx would (Host and X-Forwarded-Proto set)."""
        all_headers = {"User-Agent": "HavenStackTest/1.0 (uniqueagentmarker)", **(headers or {})}
        if direct or not self.with_nginx:
            all_headers.update({"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"})
            url = url if url.startswith("http") else f"http://127.0.0.1:{self.web_port}{url}"
            request = urllib.request.Request(url, headers=all_headers)
            opener = urllib.request.build_opener(_NoRedirect)
        else:
            url = url if url.startswith("http") else f"{self.base}{url}"
            url = url.replace(f"https://{HOST}:", "https://127.0.0.1:")
            all_headers["Host"] = f"{HOST}:{self.https_port}"
            request = urllib.request.Request(url, headers=all_headers)
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers.items()), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers.items()), error.read()
        except OSError:
            return 0, {}, b""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def wait_until(condition: object, *, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not come up within {timeout:.0f} s")
