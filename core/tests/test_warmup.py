"""A web process loads its templates, views and catalogues at start, then hides them from the garbage collector."""

from __future__ import annotations

import gc
import importlib
import sys

import pytest
from django.template import engines

from core import warmup


def test_warm_compiles_every_project_template_without_the_database():
    compiled = warmup.warm()  # without the django_db mark, any query would raise
    assert compiled >= 100  # every app's templates, not only a few
    engine = engines["django"]
    assert engine.get_template("base.html")  # already compiled: the cached loader answers


def test_warm_and_freeze_moves_the_long_lived_objects_out_of_the_collectors_sight():
    try:
        warmup.warm_and_freeze()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_the_wsgi_entry_point_warms_up(monkeypatch: pytest.MonkeyPatch):
    calls: list[bool] = []
    monkeypatch.setattr(warmup, "warm_and_freeze", lambda: calls.append(True))
    sys.modules.pop("haven.wsgi", None)
    importlib.import_module("haven.wsgi")
    assert calls == [True]
