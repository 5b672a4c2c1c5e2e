"""Realistic scale data for benchmarks: organisations, workers, clients with a case each, assessments and needs,
goals and actions, contacts and audit entries, written in bulk.

For speed it writes rows with ``COPY`` (PostgreSQL) or ``executemany`` (SQLite) instead of one ``save()`` per
row: primary keys are taken from the table's sequence first, so every encrypted value can still be bound to
its row (``crypto.services.text_sealer``: one key lookup per organisation, then AES-GCM per value), and the
audit entries form a valid keyed chain per organisation, with a signed checkpoint at its head
(``manage.py verify_audit`` passes). It bypasses the ORM's scope guard on purpose: a development tool that
only ever writes into organisations it made itself (slugs ``scale-<n>``). Refused in production.

Everything is made up: names are codes, notes are a few stock sentences.
"""

from __future__ import annotations

import datetime
import json
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models, transaction
from django.utils import timezone

from accounts import services as account_services
from accounts.models import Membership, Organisation, Role, User
from accounts.selectors import members_of, organisation_by_slug
from audit import services as audit_services
from cases import services as case_services
from cases.models import (
    Assessment,
    Assignment,
    Case,
    CaseStatus,
    Client,
    Contact,
    ContactKind,
    ContactRoute,
    Goal,
    Need,
    Outcome,
    PlanAction,
    SubBranch,
)
from core.scopes import scope
from crypto import services as crypto_services
from vocabulary.selectors import domain_list, region_list

NOTES = (
    "Talked about the week and what comes next.",
    "Went together to the municipality about housing.",
    "Phoned about the appointment; it is moved to next week.",
    "Short check-in during outreach; all is well.",
    "Looked at the budget together; the debts are listed now.",
    "Talked about a course; will look at options.",
    "Accompanied to the doctor.",
)
WISHES = ("A different job within a year.", "A place of my own.", "Fewer debts.", "Learn the language.")
WORKERS_PER_ORGANISATION = 25
YEARS = 5
# Shares, roughly as the seeds describe the field: most contact starts in fieldwork.
ROUTES = (
    [ContactRoute.FIELDWORK_OFFLINE] * 40
    + [ContactRoute.FIELDWORK_ONLINE] * 15
    + [ContactRoute.SELF] * 15
    + [ContactRoute.OTHER_AGENCY] * 12
    + [ContactRoute.PUBLIC_HEALTH] * 8
    + [ContactRoute.ENFORCEMENT] * 5
    + [ContactRoute.PEER] * 5
)
BRANCHES = (
    [SubBranch.WINDOW] * 25
    + [SubBranch.ESCORT_INDEPENDENT] * 15
    + [SubBranch.ESCORT_AGENCY] * 8
    + [SubBranch.STREET] * 8
    + [SubBranch.HOME_BASED] * 10
    + [SubBranch.CLUB] * 12
    + [SubBranch.MASSAGE] * 10
    + [SubBranch.ONLINE] * 9
    + [SubBranch.OTHER] * 3
)
OUTCOMES = [o for o, n in ((Outcome.EXITED, 35), (Outcome.PARTLY, 15), (Outcome.STOPPED, 30)) for _ in range(n)] + [
    Outcome.MOVED,
    Outcome.REFERRED,
    Outcome.OTHER,
] * 7


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    sealed: int = 0
    seal_seconds: float = 0.0

    def add(self, name: str, seconds: float, rows: int) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.rows[name] = self.rows.get(name, 0) + rows


class Writer:
    """Bulk inserts with known primary keys, on PostgreSQL or SQLite."""

    def __init__(self, timings: Timings) -> None:
        self.timings = timings
        self.postgres = connection.vendor == "postgresql"

    def ids(self, model: type[models.Model], n: int) -> range:
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) + %s)",
                    [table, table, n - 1],
                )
                last = cursor.fetchone()[0]
                return range(last - n + 1, last + 1)
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608  (a model's own table)
            first = cursor.fetchone()[0] + 1
            return range(first, first + n)

    def insert(self, model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        table = model._meta.db_table
        names = ", ".join(f'"{c}"' for c in columns)
        count = 0
        started = time.perf_counter()
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            else:
                marks = ", ".join(["%s"] * len(columns))
                batch: list[Sequence[Any]] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) >= 5000:
                        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', batch)  # noqa: S608
                        count += len(batch)
                        batch = []
                if batch:
                    cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', batch)  # noqa: S608
                    count += len(batch)
        self.timings.add(model._meta.label, time.perf_counter() - started, count)
        return count


class Sealer:
    """Encrypts values bound to (table, column, pk, organisation), and counts the cost."""

    def __init__(self, organisation: Organisation, timings: Timings) -> None:
        self.scope = f"org:{organisation.pk}"
        self.seal_one: Callable[[str, bytes], str] = crypto_services.text_sealer(scope=self.scope)
        self.timings = timings

    def __call__(self, model: type[models.Model], column: str, pk: int, text: str) -> str:
        if not text:
            return ""
        started = time.perf_counter()
        aad = crypto_services.field_aad(table=model._meta.db_table, column=column, pk=pk, scope=self.scope)
        token = self.seal_one(text, aad)
        self.timings.seal_seconds += time.perf_counter() - started
        self.timings.sealed += 1
        return token


def _organisation(n: int) -> Organisation:
    slug = f"scale-{n}"
    found = organisation_by_slug(slug)
    if found is not None:
        return found
    return account_services.organisation_create(actor=None, name=f"Scale test organisation {n}", slug=slug)


def _workers(organisation: Organisation, n: int) -> list[User]:
    existing = [membership.user for membership in members_of(organisation=organisation).select_related("user")]
    if existing:
        return existing
    workers = []
    for i in range(n):
        user = account_services.user_create(
            email=f"worker{i}@{organisation.slug}.example.org", name=f"Worker {i} ({organisation.slug})"
        )
        with scope(organisation=organisation):
            Membership(user=user, organisation=organisation, role=Role.CASEWORKER).save()
        workers.append(user)
    return workers


def _days_ago(rng: random.Random, today: datetime.date, most: int) -> datetime.date:
    return today - datetime.timedelta(days=rng.randrange(0, most))


def generate(
    *,
    clients: int,
    organisations: int = 10,
    contacts_per_client: int = 10,
    audit_per_client: int = 10,
    seed: int = 1,
    progress: Callable[[str], None] = lambda line: None,
) -> Timings:
    """``clients`` in total, spread over ``organisations`` new organisations (``scale-1``...)."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Scale data is never generated in production.")
    timings = Timings()
    rng = random.Random(seed)  # noqa: S311  (made-up data, the same every run)
    per_org = [clients // organisations + (1 if i < clients % organisations else 0) for i in range(organisations)]
    regions: list[int | None] = [r.pk for r in region_list()] or [None]
    domains = [d.pk for d in domain_list()]
    for n, count in enumerate(per_org, start=1):
        if not count:
            continue
        started = time.perf_counter()
        organisation = _organisation(n)
        workers = _workers(organisation, WORKERS_PER_ORGANISATION)
        with scope(organisation=organisation):
            profile_ids = [p.pk for p in case_services.profiles_ensure(organisation=organisation)]
        writer, seal = Writer(timings), Sealer(organisation, timings)
        # An organisation works in one region mostly, and sees some people from two others.
        home = [regions[(n - 1 + k) % len(regions)] for k in range(3)]
        patch = [home[0]] * 17 + [home[1], home[2], None]
        with transaction.atomic():
            _one_organisation(
                organisation, workers, count, rng, patch, domains, profile_ids, writer, seal, contacts_per_client
            )
            _audit(organisation, workers, count * audit_per_client, rng, writer, timings)
        progress(f"{organisation.slug}: {count} clients in {time.perf_counter() - started:.1f} s")
    return timings


def _one_organisation(
    organisation: Organisation,
    workers: list[User],
    count: int,
    rng: random.Random,
    regions: list[Any],
    domains: list[int],
    profile_ids: list[int],
    writer: Writer,
    seal: Sealer,
    contacts_per_client: int,
) -> None:
    org = organisation.pk
    today = timezone.localdate()
    client_ids = writer.ids(Client, count)
    case_ids = writer.ids(Case, count)
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT COUNT(*) FROM "{Client._meta.db_table}" WHERE organisation_id = %s',  # noqa: S608
            [org],
        )
        offset = cursor.fetchone()[0]
    cases: list[tuple[int, datetime.date, datetime.date | None, int]] = []  # (case id, opened, closed, worker)
    client_rows = []
    case_rows = []
    now = timezone.now()
    for i, (client_id, case_id) in enumerate(zip(client_ids, case_ids, strict=True)):
        opened = _days_ago(rng, today, 365 * YEARS)
        closed = None
        if rng.random() < 0.55 and (today - opened).days > 60:
            closed = opened + datetime.timedelta(days=rng.randrange(30, max(31, (today - opened).days)))
        worker = rng.choice(workers).pk
        cases.append((case_id, opened, closed, worker))
        client_rows.append(
            (
                client_id,
                org,
                f"C-{offset + i + 1:06d}",
                seal(Client, "working_name", client_id, f"Code {rng.randrange(10**6):06d}"),
                seal(Client, "legal_name", client_id, "Made-up Name" if rng.random() < 0.1 else ""),
                "",
                "",
                "",
                "",
                rng.choice(BRANCHES) if rng.random() < 0.92 else "",
                rng.choice(ROUTES),
                json.dumps(rng.sample(["nl", "fr", "en", "ro", "bg", "es", "hu", "th"], rng.randrange(1, 3))),
                rng.choice(regions),
                None,
                now,
            )
        )
        case_rows.append(
            (
                case_id,
                org,
                client_id,
                CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                opened,
                worker,
                rng.random() < 0.05,
                rng.choice(profile_ids) if rng.random() < 0.8 else None,
                seal(Case, "start_circumstances", case_id, rng.choice(NOTES)),
                "",
                seal(Case, "wishes", case_id, rng.choice(WISHES)),
                closed,
                rng.choice(OUTCOMES) if closed else "",
                "",
                1,
            )
        )
    writer.insert(
        Client,
        [
            "id",
            "organisation_id",
            "reference",
            "working_name",
            "legal_name",
            "birth_year",
            "phone",
            "email",
            "contact_notes",
            "sub_branch",
            "contact_route",
            "languages",
            "region_id",
            "duup_centre_id",
            "created_at",
        ],
        client_rows,
    )
    writer.insert(
        Case,
        [
            "id",
            "organisation_id",
            "client_id",
            "status",
            "opened_on",
            "lead_id",
            "restricted",
            "profile_id",
            "start_circumstances",
            "start_motives",
            "wishes",
            "closed_on",
            "outcome",
            "closing_note",
            "version",
        ],
        case_rows,
    )
    del client_rows, case_rows
    writer.insert(
        Assignment, ["organisation_id", "case_id", "worker_id"], ((org, case, worker) for case, _o, _c, worker in cases)
    )
    _assessments(org, cases, rng, domains, writer, seal, today)
    _plans(org, cases, rng, domains, writer, seal, today)
    _contacts(org, cases, rng, writer, seal, today, contacts_per_client)


def _assessments(
    org: int,
    cases: list[tuple[int, datetime.date, datetime.date | None, int]],
    rng: random.Random,
    domains: list[int],
    writer: Writer,
    seal: Sealer,
    today: datetime.date,
) -> None:
    plan: list[tuple[int, datetime.date, int, int]] = []  # (case, day, worker, assessment number)
    for case, opened, closed, worker in cases:
        end = closed or today
        for k in range(rng.choice((1, 1, 2, 2, 2, 3))):
            day = opened + datetime.timedelta(days=min(k * 90 + rng.randrange(0, 20), max(0, (end - opened).days)))
            plan.append((case, day, worker, k))
    ids = writer.ids(Assessment, len(plan))
    writer.insert(
        Assessment,
        ["id", "organisation_id", "case_id", "assessed_on", "note", "worker_id"],
        (
            (pk, org, case, day, seal(Assessment, "note", pk, rng.choice(NOTES)) if k == 0 else "", worker)
            for pk, (case, day, worker, k) in zip(ids, plan, strict=True)
        ),
    )
    needs: list[tuple[int, int, int]] = []  # (assessment, domain, status)
    chosen: dict[int, list[int]] = {}
    for pk, (case, _day, _worker, k) in zip(ids, plan, strict=True):
        if k == 0:
            chosen[case] = rng.sample(domains, rng.randrange(2, 6))
        for domain in chosen[case]:
            status = min(5, max(1, rng.randrange(1, 4) + k + rng.choice((-1, 0, 0, 1))))
            needs.append((pk, domain, status))
    need_ids = writer.ids(Need, len(needs))
    writer.insert(
        Need,
        ["id", "organisation_id", "assessment_id", "domain_id", "status", "notes"],
        (
            (pk, org, assessment, domain, status, seal(Need, "notes", pk, rng.choice(NOTES)) if status < 3 else "")
            for pk, (assessment, domain, status) in zip(need_ids, needs, strict=True)
        ),
    )


def _plans(
    org: int,
    cases: list[tuple[int, datetime.date, datetime.date | None, int]],
    rng: random.Random,
    domains: list[int],
    writer: Writer,
    seal: Sealer,
    today: datetime.date,
) -> None:
    open_cases = [(case, opened, worker) for case, opened, closed, worker in cases if closed is None]
    goal_ids = writer.ids(Goal, len(open_cases))
    writer.insert(
        Goal,
        ["id", "organisation_id", "case_id", "domain_id", "title", "status", "created_on", "version"],
        (
            (pk, org, case, rng.choice(domains), seal(Goal, "title", pk, rng.choice(WISHES)), "open", opened, 1)
            for pk, (case, opened, _worker) in zip(goal_ids, open_cases, strict=True)
        ),
    )
    actions = [
        (goal, case, worker, today + datetime.timedelta(days=rng.randrange(-30, 60)))
        for goal, (case, _opened, worker) in zip(goal_ids, open_cases, strict=True)
        for _ in range(rng.randrange(1, 3))
    ]
    action_ids = writer.ids(PlanAction, len(actions))
    writer.insert(
        PlanAction,
        ["id", "organisation_id", "case_id", "goal_id", "description", "owner_id", "due_on", "done_on", "reminded_on"],
        (
            (
                pk,
                org,
                case,
                goal,
                seal(PlanAction, "description", pk, rng.choice(NOTES)),
                worker,
                due,
                due if due < today and rng.random() < 0.7 else None,
                None,
            )
            for pk, (goal, case, worker, due) in zip(action_ids, actions, strict=True)
        ),
    )


def _contacts(
    org: int,
    cases: list[tuple[int, datetime.date, datetime.date | None, int]],
    rng: random.Random,
    writer: Writer,
    seal: Sealer,
    today: datetime.date,
    per_client: int,
) -> None:
    plan: list[tuple[int, datetime.date, int]] = []
    for case, opened, closed, worker in cases:
        span = max(1, ((closed or today) - opened).days)
        for _ in range(max(0, round(rng.gauss(per_client, per_client / 3)))):
            plan.append((case, opened + datetime.timedelta(days=rng.randrange(0, span)), worker))
    kinds = [ContactKind.IN_PERSON] * 5 + [ContactKind.PHONE] * 3 + [ContactKind.ONLINE] * 2 + [ContactKind.OUTREACH]
    ids = writer.ids(Contact, len(plan))
    writer.insert(
        Contact,
        ["id", "organisation_id", "case_id", "happened_on", "kind", "minutes", "notes", "worker_id"],
        (
            (
                pk,
                org,
                case,
                day,
                rng.choice(kinds),
                rng.choice((10, 15, 30, 45, 60, 90)),
                seal(Contact, "notes", pk, rng.choice(NOTES)),
                worker,
            )
            for pk, (case, day, worker) in zip(ids, plan, strict=True)
        ),
    )


def _chain_head(chain: str) -> tuple[int, str]:
    # The generator appends to chains in bulk; the head is read the way audit.services.audit_log reads it.
    with connection.cursor() as cursor:
        cursor.execute('SELECT seq, hash FROM "audit_auditentry" WHERE chain = %s ORDER BY seq DESC LIMIT 1', [chain])
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (0, audit_services.GENESIS)


def _audit(
    organisation: Organisation, workers: list[User], n: int, rng: random.Random, writer: Writer, timings: Timings
) -> None:
    from audit.models import AuditEntry

    chain = audit_services.chain_name(organisation.pk)
    seq, prev = _chain_head(chain)
    start = timezone.now() - datetime.timedelta(days=365 * YEARS)
    step = datetime.timedelta(days=365 * YEARS) / max(1, n)
    targets = ("cases.case", "cases.contact", "cases.client", "cases.assessment", "cases.planaction")
    actions = ["read"] * 6 + ["update"] * 2 + ["create"] * 2

    def rows() -> Iterator[tuple[Any, ...]]:
        nonlocal seq, prev
        for i in range(n):
            seq += 1
            at = start + step * i
            actor = rng.choice(workers).pk
            action, target_type, target_id = rng.choice(actions), rng.choice(targets), str(rng.randrange(1, 10**6))
            digest = audit_services.entry_hash(
                chain=chain,
                seq=seq,
                at=at,
                actor_id=actor,
                organisation_id=organisation.pk,
                action=action,
                target_type=target_type,
                target_id=target_id,
                prev_hash=prev,
            )
            yield (chain, seq, at, actor, organisation.pk, action, target_type, target_id, prev, digest)
            prev = digest

    writer.insert(
        AuditEntry,
        [
            "chain",
            "seq",
            "at",
            "actor_id",
            "organisation_id",
            "action",
            "target_type",
            "target_id",
            "prev_hash",
            "hash",
        ],
        rows(),
    )
    final_seq, final_hash = seq, prev
    transaction.on_commit(lambda: audit_services.checkpoint_after_commit(chain=chain, seq=final_seq, hash=final_hash))
