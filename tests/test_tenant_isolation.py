"""Tenant isolation by construction (core.scopes): organisation-owned rows can only be queried inside a scope.

Each organisation-owned model is listed here with a row for organisation A, one for organisation B and (where
the model has them) one of the platform's own. Every query outside a scope raises; inside a scope it sees
that organisation's rows and no other's. Models that name an organisation but are not scoped are listed with
the reason, so that a new one cannot slip in without a decision (docs/architecture.md, "Tenant isolation").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from accounts.access import organisation_required, platform_admin_required
from accounts.models import Membership, Organisation, Role
from accounts.testing import UserFactory
from assembly.models import (
    AgendaItem,
    Assembly,
    Ballot,
    Candidacy,
    Document,
    Option,
    Participation,
    Proxy,
    Question,
    Receipt,
    RoomCount,
)
from audit.models import AuditEntry
from audit.services import Action, audit_log
from cases import models as case_models
from cases.testing import make_case
from core.scopes import (
    ScopeError,
    all_organisations,
    current_scope,
    is_scoped,
    platform_scope,
    require_organisation,
    scope,
    scope_path,
)
from directory.models import Organization, Service, Suggestion
from directory.services import suggestion_create
from events.models import Event, Registration
from mailing.models import Newsletter
from members.models import ActivityProposal, ForgottenMember, Member, MembershipSettings
from outreach.models import Tally
from outreach.testing import tally_rows
from peerquestions.models import PeerAnswer, PeerQuestion
from safety.models import Message, Photo, Report, ReportIdentifier
from tests.tenant_rows_engage import ENGAGE_MAKERS, ENGAGE_MODELS

ROOT = Path(__file__).resolve().parents[1]
PROJECT_APPS: tuple[str, ...] = ("accounts", "audit", "crypto", "core", "directory", "knowledge", "plans", "search")
PROJECT_APPS += ("vocabulary", "volunteering", "research", "donations", "peerquestions", "assembly")
PROJECT_APPS += ("safety", "cases", "outreach")

SCOPED = {Membership, AuditEntry, Suggestion, *ENGAGE_MODELS}
COMMUNITY_APPS = ("members", "events", "mailing")
SCOPED |= {Member, MembershipSettings, ActivityProposal, ForgottenMember, Event, Registration, Newsletter}
SCOPED |= {PeerQuestion, PeerAnswer}
SCOPED |= {
    Assembly,
    AgendaItem,
    Document,
    Question,
    Candidacy,
    Option,
    Proxy,
    Participation,
    Ballot,
    Receipt,
    RoomCount,
}
SCOPED |= {Report, Message, Photo, ReportIdentifier}

CASE_MODELS = {
    case_models.CaseSettings,
    case_models.Profile,
    case_models.Client,
    case_models.Case,
    case_models.Assignment,
    case_models.Consent,
    case_models.Assessment,
    case_models.Need,
    case_models.Goal,
    case_models.PlanAction,
    case_models.Contact,
    case_models.Document,
    case_models.Referral,
    case_models.IncomingReferral,
    case_models.FollowUp,
    case_models.PlanAttachment,
    case_models.PurgeRecord,
}
SCOPED |= CASE_MODELS | {Tally}

# Models that name an organisation (or hold a tenant's key) but are not scoped, and why.
NOT_SCOPED_ON_PURPOSE = {
    "accounts.Organisation": "the tenants themselves; listing them reveals no organisation's data",
    "crypto.DataKey": "wrapped keys, only reached through crypto.services, which is given the key's scope",
    "directory.Organization": "public directory listings; owner only says who keeps a listing current",
    "plans.Share": "the person's own share, reached by its space or its one-time code; the organisation's "
    "list goes through plans.selectors.shares_redeemed_by(organisation=...)",
    "plans.ShareView": "shown to the person who shared; holds only the organisation's name and a day",
    "safety.Desk": "which organisations receive safety reports, and where: public, shown on the report form",
    "safety.ReplyCode": "the keyed hash of a reply code and where its report lives, reached only by the code",
    "safety.Alert": "published warnings, public on purpose; staff views filter on the publishing organisation",
}


@dataclass
class Rows:
    a: models.Model
    b: models.Model
    platform: models.Model | None


def _membership_rows(trio: Any) -> Rows:
    with scope(organisation=trio.org_a):
        a = Membership.objects.get(user=trio.alice)
    with scope(organisation=trio.org_b):
        b = Membership.objects.get(user=trio.charlie)
    return Rows(a, b, None)


def _audit_rows(trio: Any) -> Rows:
    a = audit_log(actor=trio.alice, action=Action.READ, target_type="x", target_id="a", organisation_id=trio.org_a.pk)
    b = audit_log(actor=trio.charlie, action=Action.READ, target_type="x", target_id="b", organisation_id=trio.org_b.pk)
    platform = audit_log(actor=None, action=Action.READ, target_type="x", target_id="platform")
    return Rows(a, b, platform)


def _suggestion_rows(trio: Any) -> Rows:
    services: list[Service] = []
    for service in Service.objects.order_by("slug"):
        if len(services) < 3 and service.organization_id not in {s.organization_id for s in services}:
            services.append(service)
    for service, owner in zip(services, (trio.org_a, trio.org_b), strict=False):
        Organization.objects.filter(pk=service.organization_id).update(owner=owner)
    a, b, platform = (
        suggestion_create(service=s, text=f"Correction {n}", language="en") for n, s in enumerate(services)
    )
    return Rows(a, b, platform)


def _member_rows(trio: Any) -> Rows:
    from members.tests.helpers import make_member

    return Rows(make_member(trio.org_a)[0], make_member(trio.org_b)[0], None)


def _membership_settings_rows(trio: Any) -> Rows:
    a = MembershipSettings.objects.create(organisation=trio.org_a)
    return Rows(a, MembershipSettings.objects.create(organisation=trio.org_b), None)


def _proposal_rows(trio: Any) -> Rows:
    from members.services import proposal_create

    members = _member_rows(trio)
    a, b = members.a, members.b
    return Rows(
        proposal_create(member=a, title="A", description="a"),
        proposal_create(member=b, title="B", description="b"),
        None,
    )


def _forgotten_rows(trio: Any) -> Rows:
    day = timezone.localdate()
    a = ForgottenMember.objects.create(organisation=trio.org_a, kind="active", left_on=day)
    return Rows(a, ForgottenMember.objects.create(organisation=trio.org_b, kind="active", left_on=day), None)


def _peer_rows(trio: Any) -> tuple[Rows, Rows]:
    from peerquestions import services as peer

    made = []
    for org, author in ((trio.org_a, trio.alice), (trio.org_b, trio.charlie)):
        with scope(organisation=org):
            question, _code = peer.question_ask(organisation=org, body="A question about papers.", language="en")
            made.append((question, peer.answer_write(question=question, body="An answer about papers.", author=author)))
    return Rows(made[0][0], made[1][0], None), Rows(made[0][1], made[1][1], None)


def _assembly_world(trio: Any) -> dict[type[models.Model], Rows]:
    """One assembly per organisation, voting open: an agenda item, a document, a candidacy, a proxy, a vote and a
    room count in each."""
    from assembly import services as ga
    from assembly.models import DocumentKind, QuestionKind
    from assembly.tests.conftest import open_vote, prepare

    worlds = []
    for org, admin in ((trio.org_a, trio.alice), (trio.org_b, trio.charlie)):
        setup = prepare(org, admin, members=3, quorum=0)
        with scope(organisation=org):
            item = ga.agenda_item_add(assembly=setup.assembly, actor=admin, title={"en": "Welcome"}, body={})
            document = ga.document_add(
                assembly=setup.assembly, actor=admin, kind=DocumentKind.ANNUAL_REPORT, title={"en": "R"}, body={}
            )
            proxy = ga.proxy_record(
                assembly=setup.assembly, giver=setup.members[2], holder=setup.members[1], actor=admin
            )
        open_vote(setup, candidates=1)
        with scope(organisation=org):
            setup.assembly.refresh_from_db()
            motion = setup.assembly.questions.get(kind=QuestionKind.MOTION)
            option = motion.options.first()
            ga.ballot_cast(question=motion, option=option, member=setup.members[0])
            ga.room_present_set(assembly=setup.assembly, present=1, actor=admin)
            ga.room_counts_set(question=motion, counts={option.pk: 1}, actor=admin)
            worlds.append(
                {
                    Assembly: setup.assembly,
                    AgendaItem: item,
                    Document: document,
                    Question: motion,
                    Candidacy: Candidacy.objects.get(),
                    Option: option,
                    Proxy: proxy,
                    Participation: Participation.objects.get(),
                    Ballot: Ballot.objects.get(),
                    Receipt: Receipt.objects.get(),
                    RoomCount: RoomCount.objects.get(option=option),
                }
            )
    return {model: Rows(worlds[0][model], worlds[1][model], None) for model in worlds[0]}


def _assembly_maker(model: type[models.Model]) -> Callable[[Any], Rows]:
    return lambda trio: _assembly_world(trio)[model]


def _event_rows(trio: Any) -> Rows:
    from events.tests.helpers import make_event

    return Rows(make_event(trio.org_a), make_event(trio.org_b), None)


def _registration_rows(trio: Any) -> Rows:
    from events.services import registration_create

    events = _event_rows(trio)
    a, b = (registration_create(event=e, pseudonym="P", language="en").registration for e in (events.a, events.b))
    return Rows(a, b, None)


def _newsletter_rows(trio: Any) -> Rows:
    a, b = (
        Newsletter.objects.create(organisation=o, subject={"en": "S"}, body={"en": "B"})
        for o in (trio.org_a, trio.org_b)
    )
    return Rows(a, b, None)


def _safety_rows(model: type[models.Model]) -> Callable[[Any], Rows]:
    def make(trio: Any) -> Rows:
        from lib.uploads import CleanUpload
        from safety.services import report_submit, reporter_reply

        found = []
        for org in (trio.org_a, trio.org_b):
            report = report_submit(
                organisation=org,
                kind="other",
                country="BE",
                region="brussels",
                what_happened="x",
                phone="0470 12 34 56",
                photos=[CleanUpload(data=b"x", content_type="image/jpeg", extension="jpg")],
            ).report
            reporter_reply(report=report, body="y")
            with scope(organisation=org):
                found.append(model._default_manager.get() if model is not Report else report)
        return Rows(found[0], found[1], None)

    return make


def _case_rows(model: type[models.Model]) -> Callable[[Any], Rows]:
    def make(trio: Any) -> Rows:
        a = make_case(trio.org_a, trio.bob, receiver=trio.org_b, until=model)
        b = make_case(trio.org_b, trio.charlie, receiver=trio.org_a, until=model)
        if model is case_models.IncomingReferral:  # the copy lands in the receiving organisation
            return Rows(b[model], a[model], None)
        return Rows(a[model], b[model], None)

    return make


MAKERS: dict[type[models.Model], Callable[[Any], Rows]] = {
    PeerQuestion: lambda trio: _peer_rows(trio)[0],
    PeerAnswer: lambda trio: _peer_rows(trio)[1],
    **{
        model: _assembly_maker(model)
        for model in (
            Assembly,
            AgendaItem,
            Document,
            Question,
            Candidacy,
            Option,
            Proxy,
            Participation,
            Ballot,
            Receipt,
            RoomCount,
        )
    },
    Membership: _membership_rows,
    AuditEntry: _audit_rows,
    Suggestion: _suggestion_rows,
    Member: _member_rows,
    MembershipSettings: _membership_settings_rows,
    ActivityProposal: _proposal_rows,
    ForgottenMember: _forgotten_rows,
    Event: _event_rows,
    Registration: _registration_rows,
    Newsletter: _newsletter_rows,
    **ENGAGE_MAKERS,
    **{model: _safety_rows(model) for model in (Report, Message, Photo, ReportIdentifier)},
    **{model: _case_rows(model) for model in CASE_MODELS},
    Tally: lambda trio: Rows(*tally_rows(trio), None),
}

QUERIES: dict[str, Callable[[type[models.Model]], Any]] = {
    "iterate": lambda model: list(model._default_manager.all()),
    "filter": lambda model: list(model._default_manager.filter(pk__gt=0)),
    "get": lambda model: model._default_manager.get(pk=1),
    "first": lambda model: model._default_manager.first(),
    "count": lambda model: model._default_manager.count(),
    "exists": lambda model: model._default_manager.exists(),
    "values_list": lambda model: list(model._default_manager.values_list("pk", flat=True)),
    "aggregate": lambda model: model._default_manager.aggregate(n=models.Count("pk")),
    "iterator": lambda model: list(model._default_manager.iterator()),
    "in_bulk": lambda model: model._default_manager.in_bulk([1]),
    "subquery": lambda model: list(Organisation.objects.filter(pk__in=model._default_manager.values("pk"))),
    "delete": lambda model: model._default_manager.all().delete(),
    "exists_subquery": lambda model: list(
        Organisation.objects.filter(Exists(model._default_manager.filter(pk=OuterRef("pk"))))
    ),
    "subquery_expression": lambda model: list(
        Organisation.objects.annotate(n=Subquery(model._default_manager.values("pk")[:1]))
    ),
}


def test_every_model_that_names_an_organisation_is_scoped_or_listed_with_a_reason():
    undecided = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS + COMMUNITY_APPS:
            continue
        label = f"{model._meta.app_label}.{model.__name__}"
        names_one = any(
            (field.is_relation and field.related_model is Organisation) or "organisation" in field.name
            for field in model._meta.get_fields()
            if not field.auto_created or field.concrete
        )
        if (names_one or is_scoped(model)) and not (model in SCOPED or label in NOT_SCOPED_ON_PURPOSE):
            undecided.append(label)
    assert undecided == []
    assert {model for model in apps.get_models() if is_scoped(model)} == SCOPED


def test_the_documented_decisions_match_the_code():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for model in SCOPED:
        assert f"`{model._meta.app_label}.{model.__name__}`" in text
        assert f"`{scope_path(model)}`" in text
    for label in NOT_SCOPED_ON_PURPOSE:
        assert f"`{label}`" in text


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("model", sorted(SCOPED, key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_an_unscoped_query_of_an_organisation_owned_model_raises(model, query, trio):
    MAKERS[model](trio)
    assert current_scope() is None
    refused = PermissionError if (model, query) == (AuditEntry, "delete") else ScopeError  # append-only anyway
    with pytest.raises(refused, match=model.__name__ if refused is ScopeError else "append-only"):
        QUERIES[query](model)


@pytest.mark.django_db
@pytest.mark.parametrize("model", sorted(SCOPED, key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_a_scope_shows_its_organisations_rows_and_no_other(model, trio):
    rows = MAKERS[model](trio)
    manager = model._default_manager
    with scope(organisation=trio.org_a):
        seen = set(manager.values_list("pk", flat=True))
        assert rows.a.pk in seen and rows.b.pk not in seen
        assert not manager.filter(pk=rows.b.pk).exists()
        assert manager.filter(pk=rows.b.pk).count() == 0
        if rows.platform is not None:
            assert rows.platform.pk not in seen
    with scope(organisation=trio.org_b.pk):  # a primary key opens the same scope
        assert set(manager.values_list("pk", flat=True)) >= {rows.b.pk}
        assert rows.a.pk not in set(manager.values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("model", sorted(SCOPED, key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_the_platform_scope_shows_only_rows_without_an_organisation(model, trio):
    rows = MAKERS[model](trio)
    with platform_scope():
        seen = set(model._default_manager.values_list("pk", flat=True))
    assert rows.a.pk not in seen and rows.b.pk not in seen
    assert rows.platform is None or rows.platform.pk in seen


@pytest.mark.django_db
@pytest.mark.parametrize("model", sorted(SCOPED, key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_the_all_organisations_scope_sees_every_row_and_needs_a_reason(model, trio):
    rows = MAKERS[model](trio)
    with all_organisations(reason="a test of the all-organisations scope"):
        seen = set(model._default_manager.values_list("pk", flat=True))
    assert {rows.a.pk, rows.b.pk} <= seen
    with pytest.raises(ScopeError), all_organisations(reason="  "):
        pass


@pytest.mark.django_db
def test_related_managers_are_scoped_too(trio):
    with pytest.raises(ScopeError):
        list(trio.org_a.memberships.all())
    with pytest.raises(ScopeError):
        list(trio.alice.memberships.all())
    with scope(organisation=trio.org_b):
        assert list(trio.org_a.memberships.all()) == []  # org A's members, seen from B's scope: none
    with scope(organisation=trio.org_a):
        assert {m.user for m in trio.org_a.memberships.all()} == {trio.alice, trio.bob}


@pytest.mark.django_db
def test_creating_needs_no_scope_and_a_queryset_built_in_a_scope_stays_filtered(trio):
    newcomer = UserFactory()
    Membership.objects.create(user=newcomer, organisation=trio.org_b, role=Role.EDITOR)  # no scope needed
    with scope(organisation=trio.org_a):
        members = Membership.objects.all()
    assert {m.user for m in members} == {trio.alice, trio.bob}  # evaluated after the block


@pytest.mark.django_db
def test_scopes_nest_and_are_closed_even_after_an_error(trio):
    with scope(organisation=trio.org_a):
        with platform_scope():
            assert current_scope().platform
        assert current_scope().organisation_id == trio.org_a.pk
        with pytest.raises(ValueError), scope(organisation=trio.org_b):
            raise ValueError
        assert current_scope().organisation_id == trio.org_a.pk
    assert current_scope() is None
    with pytest.raises(ScopeError):
        scope(organisation=Organisation()).__enter__()  # an unsaved organisation has no rows to open


@pytest.mark.django_db
def test_a_scope_is_private_to_its_thread(trio):
    errors: list[BaseException] = []

    def other_thread() -> None:
        try:
            list(Membership.objects.all())
        except ScopeError as error:
            errors.append(error)

    with scope(organisation=trio.org_a):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert len(errors) == 1


@pytest.mark.django_db
def test_require_organisation_refuses_another_organisations_scope(trio):
    with scope(organisation=trio.org_a):
        require_organisation(trio.org_a)
        with pytest.raises(ScopeError):
            require_organisation(trio.org_b)
    with pytest.raises(ScopeError):
        require_organisation(trio.org_a)


@pytest.mark.django_db
def test_organisation_views_run_inside_their_scope_opened_after_the_check(trio):
    seen = []

    @organisation_required(Role.ADMIN)
    def view(request: HttpRequest) -> HttpResponse:
        seen.append(current_scope())
        return HttpResponse(str(Membership.objects.count()))

    request = RequestFactory().get("/")
    request.user = trio.alice
    response = view(request, **{"org": "org-a"})
    assert response.content == b"2"  # alice and bob: organisation A only
    assert seen[0].organisation_id == trio.org_a.pk
    assert current_scope() is None
    request.user = trio.bob  # a colleague without the role: refused before any scope opens
    with pytest.raises(PermissionDenied):
        view(request, **{"org": "org-a"})
    assert len(seen) == 1


@pytest.mark.django_db
def test_platform_admin_views_see_the_platforms_rows_only(trio):
    admin = trio.charlie  # admin of B, and now of the platform
    admin.is_platform_admin = True
    admin.save()

    @platform_admin_required
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse(str(Membership.objects.count()))

    request = RequestFactory().get("/")
    request.user = admin
    assert view(request).content == b"0"  # the platform scope: no organisation's members, not even B's


@pytest.mark.django_db
def test_the_purge_job_opens_the_all_organisations_scope_and_reaches_every_organisation(trio):
    rows = _suggestion_rows(trio)
    long_ago = timezone.localdate() - timedelta(days=365)
    with all_organisations(reason="a test ages the suggestions"):
        Suggestion.objects.update(done_on=long_ago)
    call_command("purge_expired", stdout=StringIO())
    with all_organisations(reason="a test checks the purge"):
        assert not Suggestion.objects.filter(pk__in=[rows.a.pk, rows.b.pk, rows.platform.pk]).exists()


@pytest.mark.django_db
def test_audit_verification_reads_every_chain(trio, capsys):
    _audit_rows(trio)
    call_command("verify_audit")
    out = capsys.readouterr().out
    assert f"OK   org:{trio.org_a.pk}" in out and f"OK   org:{trio.org_b.pk}" in out and "OK   platform" in out


def _uses_of_all_organisations() -> set[str]:
    found = set()
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" in relative or relative.startswith((".venv", "node_modules", "tests/")):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\ball_organisations\(", text) and not relative.startswith("core/scopes.py"):
            found.add(relative)
    return found


def test_every_use_of_the_all_organisations_scope_is_documented():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    uses = _uses_of_all_organisations()
    assert uses  # the purge, the audit verification and a staff member's own memberships
    assert sorted(use for use in uses if f"`{use}`" not in text) == []


@pytest.mark.django_db
def test_an_organisations_list_of_redeemed_shares_needs_its_scope(trio):
    from plans.selectors import shares_redeemed_by

    with pytest.raises(ScopeError):
        shares_redeemed_by(organisation=trio.org_a)
    with scope(organisation=trio.org_b), pytest.raises(ScopeError):
        shares_redeemed_by(organisation=trio.org_a)
    with scope(organisation=trio.org_a):
        assert list(shares_redeemed_by(organisation=trio.org_a)) == []


@pytest.mark.django_db
def test_combining_a_scoped_query_with_an_unscoped_one_raises(trio):
    with scope(organisation=trio.org_a):
        own = Membership.objects.all()
    unscoped = Membership.objects.all()
    for combined in (own | unscoped, unscoped | own, own.order_by().union(unscoped.order_by()), own & unscoped):
        with pytest.raises(ScopeError):
            list(combined)
