"""Gunicorn settings for Haven: logs that never hold a client address, user agent or query string.

Run from the project folder: ``gunicorn -c deploy/gunicorn.conf.py haven.wsgi``.

- ``core.logging.GunicornLogger`` builds access lines without address, user agent, referer or query string
  (whatever the format below asks for) and removes IPv4 and IPv6 addresses from every error-log line
  (``Invalid request from ip=...`` on a malformed request or a failed TLS handshake).
- ``HAVEN_WEB_WORKERS`` (default 1) is the number of worker processes, read here and by Django's settings:
  rate limits and the daily client key live in the cache, so several processes need a shared one
  (``REDIS_URL``). Each worker runs ``HAVEN_WEB_THREADS`` threads (default 4), which share its memory cache.
"""

import os

bind = os.environ.get("HAVEN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("HAVEN_WEB_WORKERS", "1"))
worker_class = "gthread"
threads = int(os.environ.get("HAVEN_WEB_THREADS", "4"))
timeout = 30
logger_class = "core.logging.GunicornLogger"
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
