"""Tenant isolation by construction: organisation-owned rows are read only inside an open scope.

A model whose rows belong to one organisation gets ``objects = ScopedManager("organisation")`` (the argument
is the lookup path from the model to the owning organisation). Then:

- outside any scope, every query of ``Model.objects`` (fetching, counting, ``exists``, ``update``, ``delete``,
  use as a subquery, ``Exists``, combining with ``|`` or ``union``...) raises :class:`ScopeError`, so a
  forgotten filter fails loudly instead of leaking. Two locks: the queryset's methods refuse, and the query
  carries a condition that refuses to compile into SQL;
- inside ``with scope(organisation=org):`` the same queries are filtered to ``org``'s rows;
- inside ``with platform_scope():`` they return only rows that belong to no organisation (the platform's);
- inside ``with all_organisations(reason="..."):`` they see every row. This is for platform-wide jobs (purges,
  exports, key rotation, verifying every audit chain) and for a staff member's own memberships. Every use
  names its reason, and ``docs/architecture.md`` lists them.

Creating rows (``Model.objects.create``, ``save``) needs no scope. A queryset is filtered when it is built,
so one built inside a scope may be evaluated later (a template rendering a list after the view returned).

Limits, on purpose (see docs/threat-model.md): the guard is in the ORM manager. ``select_related`` joins,
forward foreign-key access (``share.organisation``, which uses the unscoped base manager), raw SQL and
``Model._base_manager`` are not filtered. The scope lives in a :class:`contextvars.ContextVar`, so it is
private to the current thread or task.

This module knows no app: an organisation is anything with a ``pk``, or a primary key itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import models

_M = TypeVar("_M", bound=models.Model)


class ScopeError(RuntimeError):
    """An organisation-owned model was queried outside a scope."""


@dataclass(frozen=True)
class Scope:
    """What is open: one organisation (``organisation_id``), the platform's rows, or every organisation."""

    organisation_id: Any = None
    platform: bool = False
    everything: bool = False
    reason: str = ""


_current: ContextVar[Scope | None] = ContextVar("haven_scope", default=None)


def current_scope() -> Scope | None:
    return _current.get()


@contextmanager
def _opened(value: Scope) -> Iterator[Scope]:
    token = _current.set(value)
    try:
        yield value
    finally:
        _current.reset(token)


def _pk_of(organisation: Any) -> Any:
    pk = getattr(organisation, "pk", organisation)
    if pk is None:
        raise ScopeError("A scope needs a saved organisation; use platform_scope() for the platform's own rows.")
    return pk


@contextmanager
def scope(*, organisation: Any) -> Iterator[Scope]:
    """Open one organisation's scope (an organisation or its primary key) until the block ends."""
    with _opened(Scope(organisation_id=_pk_of(organisation))) as opened:
        yield opened


@contextmanager
def platform_scope() -> Iterator[Scope]:
    """Open the platform's own rows: those that belong to no organisation."""
    with _opened(Scope(platform=True)) as opened:
        yield opened


@contextmanager
def all_organisations(*, reason: str) -> Iterator[Scope]:
    """Open every organisation's rows, on purpose. ``reason`` says why, in a few words."""
    if not reason.strip():
        raise ScopeError("all_organisations() needs a reason.")
    with _opened(Scope(everything=True, reason=reason)) as opened:
        yield opened


def require_organisation(organisation: Any) -> None:
    """Raise unless the open scope is exactly this organisation's (or every organisation's)."""
    opened = _current.get()
    if opened is None or not (opened.everything or opened.organisation_id == _pk_of(organisation)):
        raise ScopeError(f"This needs the scope of organisation {_pk_of(organisation)} to be open.")


_GUARDED = (
    "_fetch_all",
    "count",
    "exists",
    "contains",
    "aggregate",
    "iterator",
    "update",
    "_update",
    "delete",
    "_raw_delete",
    "explain",
    "in_bulk",
    "resolve_expression",
)


class ScopedQuerySet(models.QuerySet[_M], Generic[_M]):
    """A queryset that refuses to run if it was built outside a scope (``_scope_missing``)."""

    _scope_missing: bool = False

    def _clone(self) -> ScopedQuerySet[_M]:
        clone: ScopedQuerySet[_M] = super()._clone()  # type: ignore[misc]
        clone._scope_missing = self._scope_missing
        return clone

    def _refuse(self) -> None:
        if self._scope_missing:
            raise ScopeError(_refusal(self.model))


def _refusal(model: type[models.Model]) -> str:
    return (
        f"{model.__name__} rows belong to an organisation: query them inside core.scopes.scope(organisation=...), "
        "platform_scope() or all_organisations(reason=...)."
    )


class _Unscoped(models.Expression):
    """A condition that refuses to become SQL. Added to every query built outside a scope, it catches what no
    queryset method sees: ``Exists(...)``, ``Subquery(...)``, ``qs_a | qs_b``, ``union()``."""

    conditional = True

    def __init__(self, model: type[models.Model]) -> None:
        super().__init__(output_field=models.BooleanField())
        self.model = model

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        raise ScopeError(_refusal(self.model))


def _guard(name: str) -> None:
    original = getattr(models.QuerySet, name)

    def guarded(self: ScopedQuerySet[Any], *args: Any, **kwargs: Any) -> Any:
        self._refuse()
        return original(self, *args, **kwargs)

    guarded.__name__ = name
    guarded.__doc__ = original.__doc__
    setattr(ScopedQuerySet, name, guarded)


for _name in _GUARDED:
    _guard(_name)


class ScopedManager(models.Manager[_M], Generic[_M]):
    """The default manager of an organisation-owned model. ``path`` leads from the model to the organisation."""

    _queryset_class = ScopedQuerySet

    def __init__(self, path: str = "organisation") -> None:
        super().__init__()
        self._path = path

    def contribute_to_class(self, cls: type[_M], name: str) -> None:  # type: ignore[override]
        super().contribute_to_class(cls, name)
        # Related managers (``organisation.memberships``) subclass this class and are built without ``path``:
        # the model keeps it for them.
        cls.scope_path = self._path  # type: ignore[attr-defined]

    def get_queryset(self) -> ScopedQuerySet[_M]:
        queryset: ScopedQuerySet[_M] = super().get_queryset()  # type: ignore[assignment]
        path = scope_path(self.model)
        opened = _current.get()
        if opened is None:
            queryset._scope_missing = True
            return queryset.filter(_Unscoped(self.model))
        if opened.everything:
            return queryset
        if opened.platform:
            return queryset.filter(**{f"{path}__isnull": True})
        return queryset.filter(**{path: opened.organisation_id})


def scope_path(model: type[models.Model]) -> str:
    """The lookup from an organisation-owned model to its organisation."""
    return str(model.scope_path)  # type: ignore[attr-defined]


def is_scoped(model: type[models.Model]) -> bool:
    return isinstance(model._default_manager, ScopedManager)
