"""Translations: no message is untranslated or fuzzy in NL, FR or EN, and none is missing from them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lib.po import parse, problems

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = {lang: ROOT / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("nl", "fr", "en")}


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_no_message_is_untranslated_or_fuzzy(lang):
    assert problems(CATALOGUES[lang]) == []


def test_every_message_in_the_code_is_in_the_catalogues(tmp_path):
    """Extract the messages afresh (as `make messages-update` does) and compare."""
    copy = tmp_path / "haven"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", "var", ".git", "*.mo", "__pycache__", ".mypy_cache", ".ruff_cache"
        ),
    )
    env = {**os.environ, "HAVEN_ENV": "test", "DJANGO_SETTINGS_MODULE": "haven.settings_test"}
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "en",
            "--no-location",
            "--no-obsolete",
            "--ignore=var/*",
            "-v0",
        ],
        cwd=copy,
        env=env,
        check=True,
        timeout=300,
    )
    extracted = {(e.msgctxt, e.msgid) for e in parse(copy / "locale/en/LC_MESSAGES/django.po") if not e.is_header}
    for lang, path in CATALOGUES.items():
        known = {(e.msgctxt, e.msgid) for e in parse(path)}
        missing = sorted(msgid for _ctx, msgid in extracted - known)
        assert not missing, f"{lang}: run `make messages-update` and translate: {missing[:10]}"


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_catalogue_compiles_with_format_checks(language):
    """msgfmt refuses a translation whose placeholders differ from its source (a stray "% a" included)."""
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is not installed")
    po = Path(__file__).resolve().parents[2] / "locale" / language / "LC_MESSAGES" / "django.po"
    done = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
