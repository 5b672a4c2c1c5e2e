"""Settings for the test suite: the normal settings, with HAVEN_ENV=test and fast hashing."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("HAVEN_ENV", "test")

from haven.settings import *  # noqa: F403
from haven.settings import PASSWORD_HASHERS

# Argon2 stays first in production; tests keep it (a test checks it) but hash quickly with it.
PASSWORD_HASHERS = ["core.testing.FastArgon2PasswordHasher", *PASSWORD_HASHERS]

# One test database file per test run, so that runs side by side do not share one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405  (a fresh clone has no var/ yet)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-haven-{os.getpid()}.sqlite3")}  # noqa: F405

# Audit checkpoints of test runs go to a temporary file, never beside a developer's real ones.
HAVEN_AUDIT_CHECKPOINTS = Path(tempfile.gettempdir()) / f"haven-test-{os.getpid()}" / "audit-checkpoints.jsonl"
