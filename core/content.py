"""A registry of bundled-content loaders, so that `manage.py load_content` loads every app's content
without the core knowing the apps. Each app registers its loader in ``AppConfig.ready()``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass
class LoadSummary:
    """What a loader did: counts, and the records kept because staff edited them in the application."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        if self.conflicts:
            text += f"; {len(self.conflicts)} edited in the application and kept (use --overwrite-edits): "
            text += ", ".join(self.conflicts)
        return text
