"""Every access check treats a deactivated organisation the same way: its members have no role there.

Checked with the trio: alice (admin of A, the owner), bob (caseworker of A, a colleague) and charlie (admin of
B, an outsider), before and after organisation A is deactivated. Roles are always the ``Role`` enum."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client

from accounts.access import is_editor, organisation_access, organisations_of, roles_in
from accounts.models import Membership, Role, User
from accounts.testing import sign_in

ROOT = Path(__file__).resolve().parents[2]


def _deactivate(organisation) -> None:
    organisation.is_active = False
    organisation.save()


def _give_editor_role(trio) -> None:
    Membership.objects.create(user=trio.bob, organisation=trio.org_a, role=Role.EDITOR)


@pytest.mark.django_db
def test_roles_are_the_role_enum_and_belong_to_the_organisation_asked_about(trio):
    assert roles_in(trio.alice, trio.org_a) == {Role.ADMIN}
    assert all(isinstance(role, Role) for role in roles_in(trio.bob, trio.org_a))
    assert roles_in(trio.bob, trio.org_a) == {Role.CASEWORKER}
    assert roles_in(trio.charlie, trio.org_a) == set()
    assert roles_in(trio.charlie, trio.org_b) == {Role.ADMIN}


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["alice", "bob", "charlie"])
def test_in_a_deactivated_organisation_nobody_holds_a_role(trio, person):
    user: User = getattr(trio, person)
    _give_editor_role(trio)
    _deactivate(trio.org_a)
    trio.org_a.refresh_from_db()
    assert roles_in(user, trio.org_a) == set()
    with pytest.raises(Http404):
        organisation_access(user, trio.org_a)
    with pytest.raises(Http404):
        organisation_access(user, trio.org_a, [Role.ADMIN])
    assert trio.org_a not in organisations_of(user)
    assert trio.org_a not in organisations_of(user, roles=[Role.EDITOR, Role.ADMIN, Role.CASEWORKER])
    assert not is_editor(user)
    if person == "charlie":  # the outsider's own organisation is untouched
        assert roles_in(user, trio.org_b) == {Role.ADMIN}
        assert organisations_of(user) == [trio.org_b]


@pytest.mark.django_db
def test_the_editor_role_counts_only_in_an_active_organisation(trio):
    assert not is_editor(trio.bob)
    _give_editor_role(trio)
    assert is_editor(trio.bob)
    assert not is_editor(trio.alice)  # an admin is not an editor of the knowledge base by that alone
    _deactivate(trio.org_a)
    assert not is_editor(trio.bob)


@pytest.mark.django_db
def test_an_active_organisation_gives_its_members_their_roles_and_refuses_outsiders(trio):
    assert organisation_access(trio.alice, trio.org_a, [Role.ADMIN]) == {Role.ADMIN}
    with pytest.raises(PermissionDenied):
        organisation_access(trio.bob, trio.org_a, [Role.ADMIN])
    with pytest.raises(Http404):
        organisation_access(trio.charlie, trio.org_a)
    assert organisations_of(trio.bob) == [trio.org_a]
    trio.bob.is_active = False
    assert roles_in(trio.bob, trio.org_a) == set() and organisations_of(trio.bob) == []


PAGES: dict[str, tuple[str, str]] = {
    # page: (who may open it while the organisation is active, path)
    "members": ("alice", "/en/accounts/org/org-a/members/"),
    "directory dashboard": ("alice", "/en/directory/manage/org/org-a/"),
    "shared plans": ("bob", "/en/plan/org/org-a/shared/"),
    "knowledge editor": ("bob", "/en/knowledge/edit/"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_pages_behind_every_check_close_when_the_organisation_is_deactivated(client: Client, trio, page):
    person, path = PAGES[page]
    _give_editor_role(trio)
    sign_in(client, getattr(trio, person))
    assert client.get(path).status_code == 200
    _deactivate(trio.org_a)
    assert client.get(path).status_code in (403, 404)


def _role_literals(tree: ast.AST) -> list[int]:
    """Lines where a role is spelled as a string instead of ``Role.X``."""
    values = set(Role.values)
    role_keywords = {"role", "roles", "role__in", "memberships__role"}
    checks = {"organisation_required", "organisation_access", "organisations_of", "memberships_of"}

    def literal(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return node.value in values
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return any(literal(element) for element in node.elts)
        return False

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in checks and any(literal(arg) for arg in node.args):
                lines.append(node.lineno)
            lines += [node.lineno for kw in node.keywords if kw.arg in role_keywords and literal(kw.value)]
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Attribute) and side.attr == "role" for side in sides) and any(
                literal(side) for side in sides
            ):
                lines.append(node.lineno)
    return lines


def test_roles_are_never_spelled_as_strings_in_the_code():
    found = []
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if any(part in relative for part in ("/tests/", "/migrations/", ".venv", "node_modules")):
            continue
        found += [f"{relative}:{line}" for line in _role_literals(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "organisation_required('caseworker', 'admin')",
        "Membership.objects.filter(user=user, role='editor')",
        "membership.role == 'admin'",
        "organisations_of(user, roles=('editor',))",
    ],
)
def test_the_role_spelling_check_catches_a_string(source: str):
    assert _role_literals(ast.parse(source))


def test_the_role_spelling_check_accepts_the_enum():
    source = "organisation_required(Role.CASEWORKER); m.role == Role.ADMIN; f(role=Role.EDITOR)"
    assert _role_literals(ast.parse(source)) == []
