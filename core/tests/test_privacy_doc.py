"""docs/privacy.md names the code that implements each right; this test keeps the two in step."""

import importlib
import re
from pathlib import Path

import pytest

from core.retention import rules

DOC = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"
REFERENCE = re.compile(
    r"`((?:accounts|audit|core|crypto|knowledge|search|directory|plans|volunteering|research|donations)(?:\.[a-z_]+)+"
    r"(?:\.[A-Za-z_]+)?)`"
)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[split:]:
            target = getattr(target, attribute)
        return target
    raise ModuleNotFoundError(dotted)


def test_every_piece_of_code_named_in_the_privacy_document_exists():
    references = set(REFERENCE.findall(DOC.read_text(encoding="utf-8")))
    assert len(references) >= 10
    for dotted in sorted(references):
        assert _resolve(dotted) is not None, dotted


@pytest.mark.parametrize("rule", [rule.name for rule in rules()])
def test_every_purge_rule_is_in_the_privacy_document(rule):
    assert f"purge rule `{rule}`" in DOC.read_text(encoding="utf-8")


def test_the_access_log_config_keeps_no_addresses():
    config = (DOC.parents[1] / "deploy" / "gunicorn.conf.py").read_text(encoding="utf-8")
    log_format = re.search(r"access_log_format = '([^']*)'", config).group(1)
    for forbidden in ("%(h)s", "%(a)s", "%(f)s", "{x-forwarded-for}"):
        assert forbidden not in log_format
