"""Haven's settings, read from the environment (see docs/configuration.md).

``HAVEN_ENV`` chooses the profile: ``production`` (the default, so that a forgotten variable fails
safe), ``development`` (``make run``) or ``test``. Production refuses to start without its secrets.
"""

from __future__ import annotations

import base64
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("HAVEN_VAR_DIR", str(BASE_DIR / "var")))

HAVEN_ENV = env_str("HAVEN_ENV", "production")
if HAVEN_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured(f"HAVEN_ENV must be production, development or test, not {HAVEN_ENV!r}.")
PRODUCTION = HAVEN_ENV == "production"
TESTING = HAVEN_ENV == "test"

# Off unless asked for (`HAVEN_DEBUG=1 make run`): visitors and developers see Haven's own error pages.
DEBUG = env_bool("DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must not be on in production.")

# --- Secrets ---------------------------------------------------------------------------------
_DEV_ONLY_SECRET = "haven-development-and-test-only-secret-key-never-use-in-production-0123456789"
SECRET_KEY = env_str("SECRET_KEY", required=PRODUCTION) or _DEV_ONLY_SECRET
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY == _DEV_ONLY_SECRET):
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters.")

# Key-encryption keys: "id:base64url-of-32-bytes" separated by commas; the first one wraps new data
# keys, all of them unwrap. Generate one with `python manage.py generate_kek`.
_DEV_ONLY_KEK = "dev1:ZGV2ZWxvcG1lbnQtYW5kLXRlc3Qta2V5LTMyYnl0ZXM="
HAVEN_KEKS = env_str("HAVEN_KEKS", required=PRODUCTION) or _DEV_ONLY_KEK
if PRODUCTION and _DEV_ONLY_KEK in HAVEN_KEKS:
    raise ImproperlyConfigured("HAVEN_KEKS must not contain the development key in production.")

# The audit key: base64url of 32 random bytes (`manage.py generate_audit_key`). It keys the audit chain's
# hashes and signs its checkpoints; keep it apart from the database, like the KEKs.
_DEV_ONLY_AUDIT_KEY = "ZGV2ZWxvcG1lbnQtYW5kLXRlc3QtYXVkaXQta2V5ISE="
HAVEN_AUDIT_KEY = env_str("HAVEN_AUDIT_KEY", required=PRODUCTION) or _DEV_ONLY_AUDIT_KEY
if PRODUCTION and HAVEN_AUDIT_KEY == _DEV_ONLY_AUDIT_KEY:
    raise ImproperlyConfigured("HAVEN_AUDIT_KEY must not be the development key in production.")
try:
    _audit_key_bytes = base64.urlsafe_b64decode(HAVEN_AUDIT_KEY + "=" * (-len(HAVEN_AUDIT_KEY) % 4))
except ValueError as exc:
    raise ImproperlyConfigured("HAVEN_AUDIT_KEY is not valid base64url.") from exc
if len(_audit_key_bytes) != 32:
    raise ImproperlyConfigured(f"HAVEN_AUDIT_KEY must be 32 bytes, not {len(_audit_key_bytes)}.")
# Where signed checkpoints of every audit chain's head are appended (one JSON line each), outside the
# database: a file the database's holder cannot rewrite. Each checkpoint also goes to the log stream.
HAVEN_AUDIT_CHECKPOINTS = Path(env_str("HAVEN_AUDIT_CHECKPOINTS", str(VAR_DIR / "audit" / "checkpoints.jsonl")))

# The safety key: base64url of 32 random bytes. It keys the hashes of reply codes and of perpetrators' phone
# numbers, plates and online names (`safety/keys.py`), so that a copy of the database cannot test guesses.
_DEV_ONLY_SAFETY_KEY = "ZGV2ZWxvcG1lbnQtYW5kLXRlc3Qtc2FmZXR5LWtleSE="
HAVEN_SAFETY_KEY = env_str("HAVEN_SAFETY_KEY", required=PRODUCTION) or _DEV_ONLY_SAFETY_KEY
if PRODUCTION and HAVEN_SAFETY_KEY == _DEV_ONLY_SAFETY_KEY:
    raise ImproperlyConfigured("HAVEN_SAFETY_KEY must not be the development key in production.")
try:
    _safety_key_bytes = base64.urlsafe_b64decode(HAVEN_SAFETY_KEY + "=" * (-len(HAVEN_SAFETY_KEY) % 4))
except ValueError as exc:
    raise ImproperlyConfigured("HAVEN_SAFETY_KEY is not valid base64url.") from exc
if len(_safety_key_bytes) != 32:
    raise ImproperlyConfigured(f"HAVEN_SAFETY_KEY must be 32 bytes, not {len(_safety_key_bytes)}.")

# --- Hosts and HTTPS -------------------------------------------------------------------------
_default_hosts = "" if PRODUCTION else "127.0.0.1,localhost,testserver,[::1]"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", _default_hosts.split(",") if _default_hosts else [])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production (comma-separated host names).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Number of reverse proxies in front of Haven whose X-Forwarded-For we trust (0: none).
HAVEN_TRUSTED_PROXIES = env_int("HAVEN_TRUSTED_PROXIES", 0, minimum=0)
if HAVEN_TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Same-origin requests carry a Referer (Django's CSRF check uses it); other sites never learn where a
# visitor came from.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "haven_session"
CSRF_COOKIE_NAME = "haven_csrf"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The CSRF cookie ends with the browser session: no cookie outlives the visit.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

# --- Applications ----------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "core",
    "crypto",
    "vocabulary",
    "accounts",
    "audit",
    "search",
    "knowledge",
    "directory",
    "plans",
    "members",
    "peerquestions",
    "assembly",
    "events",
    "mailing",
    "volunteering",
    "research",
    "donations",
    "ops",
    "safety",
    "cases",
    "outreach",
]

MIDDLEWARE = [
    "core.middleware.ClientPrivacyMiddleware",
    "ops.middleware.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.CompressionMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "haven.urls"
WSGI_APPLICATION = "haven.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.haven",
            ],
        },
    },
    {
        # Plain-text emails: nothing is HTML-escaped ("Centre d'accueil & Co" arrives as written).
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# --- Database --------------------------------------------------------------------------------
_default_db = "" if PRODUCTION else f"sqlite:///{VAR_DIR / 'haven.sqlite3'}"
_database_url = env_str("DATABASE_URL", _default_db, required=PRODUCTION)
try:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
    # A file, not memory, so that tests can read the raw database and prove what it does not hold.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-haven.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, tasks ------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    # The prefix keeps two Havens (or a test stack) apart on one Redis; metrics use it too (ops/metrics.py).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("HAVEN_CACHE_PREFIX", "haven"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Memory only: rate-limit counters and their daily key must never reach a disk.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "haven"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Rendered public pages kept in each web process for visitors without a session (core/pagecache.py).
HAVEN_PAGE_CACHE_MB = env_int("HAVEN_PAGE_CACHE_MB", 16, minimum=0)
HAVEN_PAGE_CACHE_SECONDS = env_int("HAVEN_PAGE_CACHE_SECONDS", 60, minimum=1)

# Worker processes of the web server (deploy/gunicorn.conf.py reads the same variable). Rate limits and the
# daily client key live in the cache, so several processes need a shared one: each would count on its own.
HAVEN_WEB_WORKERS = env_int("HAVEN_WEB_WORKERS", 1, minimum=1)
if PRODUCTION and HAVEN_WEB_WORKERS > 1 and not REDIS_URL:
    raise ImproperlyConfigured(
        f"HAVEN_WEB_WORKERS is {HAVEN_WEB_WORKERS} but the cache is per process: set REDIS_URL so that rate "
        "limits are shared, or run one worker."
    )

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend" if TESTING else "django_tasks_db.DatabaseBackend"
        ),
    }
}

# --- Accounts --------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff sessions: end after this many seconds without a request, and after this many in all.
HAVEN_STAFF_IDLE_TIMEOUT = env_int("HAVEN_STAFF_IDLE_TIMEOUT", 15 * 60, minimum=60)
HAVEN_STAFF_ABSOLUTE_TIMEOUT = env_int("HAVEN_STAFF_ABSOLUTE_TIMEOUT", 8 * 60 * 60, minimum=300)
HAVEN_STAFF_IDLE_WARNING = env_int("HAVEN_STAFF_IDLE_WARNING", 2 * 60, minimum=10)
HAVEN_REAUTH_MAX_AGE = env_int("HAVEN_REAUTH_MAX_AGE", 5 * 60, minimum=30)
SESSION_COOKIE_AGE = HAVEN_STAFF_ABSOLUTE_TIMEOUT
# Sign-in throttle: failures allowed per client and per account name within the window.
HAVEN_LOGIN_MAX_FAILURES = env_int("HAVEN_LOGIN_MAX_FAILURES", 5, minimum=1)
HAVEN_LOGIN_WINDOW = env_int("HAVEN_LOGIN_WINDOW", 15 * 60, minimum=60)
HAVEN_SITE_NAME = env_str("HAVEN_SITE_NAME", "Haven")

# --- Safety ----------------------------------------------------------------------------------
# Where the quick exit goes: a neutral site that looks ordinary in a browser's history.
HAVEN_QUICK_EXIT_URL = env_str("HAVEN_QUICK_EXIT_URL", "https://www.meteo.be/")
if not HAVEN_QUICK_EXIT_URL.startswith("https://"):
    raise ImproperlyConfigured("HAVEN_QUICK_EXIT_URL must be an https:// address.")

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]
LANGUAGE_NAMES_LOCAL = {"nl": "Nederlands", "fr": "Français", "en": "English"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# English dates day first, as in Belgium and the Netherlands (haven/formats/en/formats.py).
FORMAT_MODULE_PATH = ["haven.formats"]
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# --- Email -----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Haven <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if PRODUCTION or env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("EMAIL_HOST", required=PRODUCTION)
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- Logging: nothing that identifies a visitor ----------------------------------------------
ADMINS: list[tuple[str, str]] = []
# One JSON object per line in production (for a log collector), plain lines elsewhere; both scrubbed.
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("LOG_FORMAT must be json or plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"drop_client": {"()": "core.logging.DropClientIdentifiers"}},
    # Scrubs the finished line (tracebacks too): no IPv4 or IPv6 address, no query string.
    "formatters": {
        "plain": {"()": "core.logging.ScrubbingFormatter", "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "ops.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["drop_client"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- Operations: metrics, backups, read replica (ops app; docs/deployment.md) -----------------
# Bearer token of the Prometheus endpoint /metrics (`manage.py generate_secrets` makes one); unset: 404.
HAVEN_METRICS_TOKEN = env_str("HAVEN_METRICS_TOKEN")
# Public X25519 key that encrypts backups (`manage.py generate_backup_keys`); its private half stays offline.
HAVEN_BACKUP_PUBLIC_KEY = env_str("HAVEN_BACKUP_PUBLIC_KEY")
HAVEN_BACKUP_DIR = Path(env_str("HAVEN_BACKUP_DIR", str(VAR_DIR / "backups")))
# Uploaded files, if any are kept on disk (they are included in backups).
MEDIA_ROOT = VAR_DIR / "media"
# A read replica for reports: reads inside `ops.routers.reading_from_replica()` (and of the apps listed in
# HAVEN_REPLICA_APPS) go there; writes and migrations always go to the primary.
_replica_url = env_str("DATABASE_REPLICA_URL")
if _replica_url:
    DATABASES["replica"] = dj_database_url.parse(_replica_url, conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
HAVEN_REPLICA_APPS = env_list("HAVEN_REPLICA_APPS")
DATABASE_ROUTERS = ["ops.routers.ReplicaRouter"]
