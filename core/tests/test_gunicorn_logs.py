"""deploy/gunicorn.conf.py, run for real on a loopback port: its logs hold no address and no query string."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET_WORD = "tulipsecretword"


def _free_port(family: socket.AddressFamily, host: str) -> int:
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _ipv6_loopback_works() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_", "REDIS_URL", "DEBUG"))}
    env.update(
        {
            "HAVEN_ENV": "test",
            "DJANGO_SETTINGS_MODULE": "haven.settings",
            "HAVEN_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.sqlite3'}",
        }
    )
    env.update(extra)
    return env


def _wait_for(host: str, port: int, family: socket.AddressFamily, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError("gunicorn stopped while starting")
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.connect((host, port))
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def _send_raw(host: str, port: int, family: socket.AddressFamily, data: bytes) -> bytes:
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.settimeout(10)
        sock.connect((host, port))
        sock.sendall(data)
        try:
            return sock.recv(4096)
        except OSError:
            return b""


@pytest.fixture(scope="module")
def gunicorn_logs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start gunicorn with Haven's config, send good, malformed and IPv6 requests, return both logs."""
    if not GUNICORN.exists():
        pytest.skip("gunicorn is not installed")
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    port4 = _free_port(socket.AF_INET, "127.0.0.1")
    binds = ["--bind", f"127.0.0.1:{port4}"]
    port6 = 0
    if _ipv6_loopback_works():
        port6 = _free_port(socket.AF_INET6, "::1")
        binds += ["--bind", f"[::1]:{port6}"]
    access, error = tmp_path / "access.log", tmp_path / "error.log"
    logs = ["--access-logfile", str(access), "--error-logfile", str(error)]
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", *binds, *logs, "haven.wsgi"],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for("127.0.0.1", port4, socket.AF_INET, server)
        url = f"http://127.0.0.1:{port4}/en/safety/browse-safely/?q={SECRET_WORD}"
        request = urllib.request.Request(url, headers={"User-Agent": "ua-marker-5f2e", "Referer": "https://x.example/"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
        _send_raw("127.0.0.1", port4, socket.AF_INET, b"GARBAGE\r\n\r\n")
        _send_raw("127.0.0.1", port4, socket.AF_INET, f"GET /en/?q={SECRET_WORD} HTTP/9.9\r\n\r\n".encode())
        if port6:
            _wait_for("::1", port6, socket.AF_INET6, server)
            _send_raw("::1", port6, socket.AF_INET6, b"GARBAGE\r\n\r\n")
            _send_raw(
                "::1", port6, socket.AF_INET6, f"GET /en/?q={SECRET_WORD} HTTP/1.1\r\nHost: [::1]\r\n\r\n".encode()
            )
        time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    yield access.read_text() + "\n" + error.read_text()


def test_a_malformed_request_is_logged_without_the_address(gunicorn_logs: str):
    expected = 3 if _ipv6_loopback_works() else 2  # two malformed requests over IPv4, one over IPv6
    assert gunicorn_logs.count("Invalid request from ip=[address removed]") == expected
    assert "127.0.0.1" not in gunicorn_logs
    assert "::1" not in gunicorn_logs


def test_the_access_log_keeps_the_path_but_no_query_string_user_agent_or_referer(gunicorn_logs: str):
    assert '"GET /en/safety/browse-safely/ HTTP/1.1" 200' in gunicorn_logs
    assert SECRET_WORD not in gunicorn_logs
    assert "ua-marker-5f2e" not in gunicorn_logs
    assert "x.example" not in gunicorn_logs


def test_several_workers_without_a_shared_cache_refuse_to_start(tmp_path: Path):
    if not GUNICORN.exists():
        pytest.skip("gunicorn is not installed")
    port = _free_port(socket.AF_INET, "127.0.0.1")
    command = [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "haven.wsgi"]
    for extra_env, extra_args in (({"HAVEN_WEB_WORKERS": "3"}, []), ({}, ["--workers", "3"])):
        result = subprocess.run(
            command + extra_args, cwd=ROOT, env=_env(tmp_path, **extra_env), capture_output=True, text=True, timeout=60
        )
        assert result.returncode != 0
        assert "HAVEN_WEB_WORKERS" in result.stdout + result.stderr


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_a_failed_tls_handshake_is_logged_without_the_address(tmp_path: Path):
    if not GUNICORN.exists():
        pytest.skip("gunicorn is not installed")
    cert, key = _self_signed_certificate(tmp_path)
    port = _free_port(socket.AF_INET, "127.0.0.1")
    error = tmp_path / "error.log"
    options = ["--bind", f"127.0.0.1:{port}", "--certfile", str(cert), "--keyfile", str(key)]
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", *options, "--error-logfile", str(error), "haven.wsgi"],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for("127.0.0.1", port, socket.AF_INET, server)
        _send_raw("127.0.0.1", port, socket.AF_INET, f"GET /en/?q={SECRET_WORD} HTTP/1.1\r\n\r\n".encode())
        _send_raw("127.0.0.1", port, socket.AF_INET, b"\x16\x03\x01\x00\x05garbage")
        time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    logged = error.read_text()
    assert logged.count("Invalid request from ip=[address removed]: [SSL") == 2, logged
    assert "127.0.0.1" not in logged and SECRET_WORD not in logged
