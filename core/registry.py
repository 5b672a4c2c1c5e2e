"""Registries that let each module plug into shared places without the core knowing the modules.

- demo seeders: `manage.py seed_demo` runs the accounts seeder (demo organisations and staff), then every
  registered seeder in order; each must be safe to run again and refuse production.
- staff links: the staff home page lists, under "Other work", the links every module registers for the
  signed-in staff member (only the organisations and roles the member has).

Each app registers in ``AppConfig.ready()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accounts.models import User


@dataclass(frozen=True)
class DemoSeeder:
    name: str
    order: int
    seed: Callable[[], str]  # returns a one-line summary for the console


@dataclass(frozen=True)
class StaffLink:
    url: str
    label: str


_seeders: dict[str, DemoSeeder] = {}
_staff_links: dict[str, Callable[[User], list[StaffLink]]] = {}


def register_demo_seeder(name: str, seed: Callable[[], str], *, order: int = 50) -> None:
    _seeders[name] = DemoSeeder(name, order, seed)


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_seeders.values(), key=lambda seeder: (seeder.order, seeder.name))


def register_staff_links(name: str, links: Callable[[User], list[StaffLink]]) -> None:
    _staff_links[name] = links


def staff_links(user: User) -> list[StaffLink]:
    found: list[StaffLink] = []
    for name in sorted(_staff_links):
        found.extend(_staff_links[name](user))
    return found
