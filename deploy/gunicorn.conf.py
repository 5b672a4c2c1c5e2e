"""Gunicorn settings for Haven: access logs that never contain a client address or user agent."""

bind = "127.0.0.1:8000"
workers = 3
timeout = 30
accesslog = "-"
# No %(h)s (address), %(a)s (user agent) or %(f)s (referer): only time, request line, status and size.
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
forwarded_allow_ips = "127.0.0.1"
