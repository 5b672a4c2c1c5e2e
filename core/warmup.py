"""Load what every request needs once, when a web process starts, then hide it from the garbage collector.

A web process holds some 180,000 container objects after its first requests (views, URL patterns, compiled
templates, translation catalogues, the stemmers' tables). CPython's oldest-generation collection walks all of them
every few dozen requests: about 100 ms on the reference machine, which made one request in twenty take five times
its usual time (`docs/performance.md`). ``gc.freeze()`` moves every object alive at that moment into a permanent
generation that collections skip; objects made afterwards are collected as usual. Loading first means the frozen
set is the long-lived one, and a worker forked after the freeze shares those pages instead of copying them when the
collector would have touched them.

Nothing here touches the database: a process may start before PostgreSQL is reachable.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils.translation import trans_real

logger = logging.getLogger(__name__)


def _templates() -> int:
    """Compile every project template (kept by the cached loader when DEBUG is off)."""
    count = 0
    for engine in engines.all():
        for folder in engine.template_dirs:  # type: ignore[attr-defined]
            root = Path(folder)
            if not root.is_dir() or ".venv" in root.parts or "site-packages" in root.parts:
                continue
            for path in root.rglob("*.html"):
                try:
                    engine.get_template(str(path.relative_to(root)))
                except (TemplateDoesNotExist, TemplateSyntaxError):  # pragma: no cover - reported when rendered
                    continue
                count += 1
    return count


def warm() -> int:
    """Import every view, load every catalogue, compile every template; returns the number of templates."""
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports every app's views
    resolver.reverse_dict  # noqa: B018
    for code, _name in settings.LANGUAGES:
        trans_real.translation(code)  # reads and merges the catalogues of every app for this language
    return _templates()


def warm_and_freeze() -> None:
    """Called once per web process (haven/wsgi.py)."""
    try:
        templates = warm()
    except Exception:  # pragma: no cover - a start-up optimisation must never stop the server
        logger.exception("warm-up failed; serving without it")
        return
    gc.collect()
    gc.freeze()
    logger.info("warm-up: %d templates compiled, %d objects frozen", templates, gc.get_freeze_count())
