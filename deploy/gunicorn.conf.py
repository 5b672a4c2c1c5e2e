"""Gunicorn settings for Haven: logs that never hold a client address, user agent or query string.

Run from the project folder: ``gunicorn -c deploy/gunicorn.conf.py haven.wsgi``.

- ``core.logging.GunicornLogger`` builds access lines without address, user agent, referer or query string
  (whatever the format below asks for) and removes IPv4 and IPv6 addresses from every error-log line
  (``Invalid request from ip=...`` on a malformed request or a failed TLS handshake).
- ``HAVEN_WEB_WORKERS`` (default 1) is the number of worker processes, read here and by Django's settings:
  rate limits and the daily client key live in the cache, so several processes need a shared one
  (``REDIS_URL``). Each worker runs ``HAVEN_WEB_THREADS`` threads (default 4), which share its memory cache.
- Workers are recycled after ``HAVEN_MAX_REQUESTS`` requests (default 50000, plus up to 10% jitter so they
  do not all restart at once): memory that a worker gathers (caches, fragmentation) is returned. The
  systemd unit (deploy/systemd/haven-web.service) bounds the whole service's memory on top of that.
- ``LOG_FORMAT=json`` (the production default) writes access lines as JSON (``ops.logging.JsonGunicornLogger``).
- ``make run`` uses this file too: what a newcomer tries is what an organisation deploys.
"""

import os

bind = os.environ.get("HAVEN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("HAVEN_WEB_WORKERS", "1"))
worker_class = "gthread"
threads = int(os.environ.get("HAVEN_WEB_THREADS", "4"))
# A request that takes longer than this is cut (the worker is replaced); nginx gives up a little later.
timeout = int(os.environ.get("HAVEN_WEB_TIMEOUT", "30"))
graceful_timeout = 20  # on restart or reload, requests under way get this long to finish
keepalive = 5  # seconds; nginx keeps its own connections to the client
# Recycling: each worker restarts after max_requests (+ random jitter), returning what memory it gathered.
max_requests = int(os.environ.get("HAVEN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# Bounded request size before Django sees it (Django bounds bodies: DATA_UPLOAD_MAX_MEMORY_SIZE).
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# The heartbeat file in memory, not on a disk that may stall (gunicorn makes it with mkstemp, mode 600).
_SHM = "/dev/shm"  # noqa: S108
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None
# Each worker loads the application itself: on `systemctl reload haven-web` (SIGHUP) new workers read the
# settings and the secret files (HAVEN_KEKS_FILE...) afresh while the old ones finish, so a key rotation
# needs no downtime (docs/deployment.md).
preload_app = False
_json = os.environ.get("LOG_FORMAT", "json" if os.environ.get("HAVEN_ENV", "production") == "production" else "plain")
logger_class = "ops.logging.JsonGunicornLogger" if _json == "json" else "core.logging.GunicornLogger"
accesslog = "-"
errorlog = "-"
# Time, method, path (without query string), protocol, status, size, duration. Nothing about the visitor.
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
forwarded_allow_ips = "127.0.0.1"
# No control socket: nothing listens besides the web port, and nothing is written to the home folder.
control_socket_disable = True


def on_starting(server):  # type: ignore[no-untyped-def]
    """Refuse several processes with a per-process cache (``-w`` on the command line bypasses the setting)."""
    declared = int(os.environ.get("HAVEN_WEB_WORKERS", "1"))
    if server.cfg.workers != declared:
        raise SystemExit(
            f"gunicorn would start {server.cfg.workers} workers but HAVEN_WEB_WORKERS is {declared}: "
            "set HAVEN_WEB_WORKERS instead of --workers, so that Haven can check its cache."
        )
    if declared > 1 and not os.environ.get("REDIS_URL"):
        raise SystemExit(
            "Several web workers need a shared cache for rate limits: set REDIS_URL or HAVEN_WEB_WORKERS=1."
        )
