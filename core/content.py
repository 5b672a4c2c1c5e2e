"""A registry of bundled-content loaders, so that `manage.py load_content` loads every app's content
without the core knowing the apps. Each app registers its loader in ``AppConfig.ready()``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Loader:
    name: str
    order: int
    load: Callable[..., Any]


_loaders: dict[str, Loader] = {}


def register_loader(name: str, load: Callable[..., Any], *, order: int = 50) -> None:
    _loaders[name] = Loader(name, order, load)


def loaders() -> list[Loader]:
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))
