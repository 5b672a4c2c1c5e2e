"""Writes for general assemblies. Staff actions are audit-logged; votes never are (see docs/elections.md)."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from assembly import tally, trackers
from assembly.models import (
    AgendaItem,
    Assembly,
    Ballot,
    Candidacy,
    Document,
    Option,
    OptionRole,
    Participation,
    Proxy,
    Question,
    QuestionKind,
    Receipt,
    RoomCount,
    Status,
)
from audit.services import Action, audit_log
from core.scopes import scope
from members.models import Member
from members.selectors import active_members, is_voting_member


class AlreadyVoted(Exception):
    pass


class VoteRefused(Exception):
    pass


def _audit(actor: User, action: str, target: Any, assembly: Assembly) -> None:
    audit_log(actor=actor, action=action, target=target, organisation_id=assembly.organisation_id)


def _editable(assembly: Assembly) -> None:
    if assembly.status in (Status.OPEN, Status.CLOSED):
        raise ValidationError(_("Voting has started: the agenda and the questions can no longer change."))


# --- Preparing --------------------------------------------------------------------------------------------


def assembly_create(*, organisation: Organisation, actor: User, **fields: Any) -> Assembly:
    with scope(organisation=organisation), transaction.atomic():
        assembly = Assembly(organisation=organisation, **fields)
        assembly.full_clean(exclude=["organisation"])
        assembly.save()
        _audit(actor, Action.CREATE, assembly, assembly)
    return assembly


def assembly_update(*, assembly: Assembly, actor: User, **fields: Any) -> Assembly:
    if assembly.status == Status.CLOSED:
        raise ValidationError(_("This assembly is closed."))
    if assembly.status == Status.OPEN and set(fields) - {"place", "introduction"}:
        raise ValidationError(_("Voting has started: only the place and the introduction can change."))
    with transaction.atomic():
        for name, value in fields.items():
            setattr(assembly, name, value)
        assembly.full_clean(exclude=["organisation"])
        assembly.save()
        _audit(actor, Action.UPDATE, assembly, assembly)
    return assembly


def agenda_item_add(*, assembly: Assembly, actor: User, title: dict[str, str], body: dict[str, str]) -> AgendaItem:
    _editable(assembly)
    with transaction.atomic():
        item = AgendaItem(assembly=assembly, position=assembly.agenda.count() + 1, title=title, body=body)
        item.full_clean(exclude=["assembly"])
        item.save()
        _audit(actor, Action.CREATE, item, assembly)
    return item


def document_add(
    *, assembly: Assembly, actor: User, kind: str, title: dict[str, str], body: dict[str, str]
) -> Document:
    if assembly.status == Status.CLOSED:
        raise ValidationError(_("This assembly is closed."))
    with transaction.atomic():
        document = Document(assembly=assembly, kind=kind, title=title, body=body)
        document.full_clean(exclude=["assembly"])
        document.save()
        _audit(actor, Action.CREATE, document, assembly)
    return document


def question_add(
    *,
    assembly: Assembly,
    actor: User,
    kind: str,
    title: dict[str, str],
    description: dict[str, str],
    majority: str,
    seats: int = 1,
) -> Question:
    """A motion gets yes, no and abstain; an election gets abstain now and one option per candidate when voting
    opens."""
    _editable(assembly)
    with transaction.atomic():
        question = Question(
            assembly=assembly,
            position=assembly.questions.count() + 1,
            kind=kind,
            title=title,
            description=description,
            majority=majority,
            seats=seats if kind == QuestionKind.ELECTION else 1,
        )
        question.full_clean(exclude=["assembly"])
        question.save()
        if kind == QuestionKind.MOTION:
            for position, role in enumerate((OptionRole.YES, OptionRole.NO, OptionRole.ABSTAIN), start=1):
                Option.objects.create(question=question, position=position, role=role)
        else:  # a blank vote, after the candidates
            Option.objects.create(question=question, position=999, role=OptionRole.ABSTAIN)
        _audit(actor, Action.CREATE, question, assembly)
    return question


def candidacy_stand(*, question: Question, member: Member, statement: str) -> Candidacy:
    """An active member stands for the board, while the assembly is announced and voting has not started."""
    assembly = question.assembly
    if question.kind != QuestionKind.ELECTION:
        raise ValidationError(_("This question is not an election."))
    if assembly.status != Status.ANNOUNCED:
        raise ValidationError(_("Candidacies are open only between the announcement and the vote."))
    if not is_voting_member(member) or member.organisation_id != assembly.organisation_id:
        raise ValidationError(_("Only active members can stand for the board."))
    with transaction.atomic():
        candidacy, _created = Candidacy.objects.get_or_create(question=question, member=member)
        candidacy.statement = statement.strip()
        candidacy.withdrawn = False
        candidacy.full_clean(exclude=["question", "member"])
        candidacy.save()
    return candidacy


def candidacy_withdraw(*, candidacy: Candidacy, actor: User | None = None) -> Candidacy:
    if candidacy.question.assembly.status != Status.ANNOUNCED:
        raise ValidationError(_("Candidacies can be withdrawn only before the vote."))
    with transaction.atomic():
        candidacy.withdrawn = True
        candidacy.save(update_fields=["withdrawn"])
        if actor is not None:
            _audit(actor, Action.UPDATE, candidacy, candidacy.question.assembly)
    return candidacy


def proxy_record(*, assembly: Assembly, giver: Member, holder: Member, actor: User) -> Proxy:
    """Record a written proxy. Checked: both are active members here; nobody holds more than ``max_proxies``;
    a giver holds none and a holder gives none (no chains); the giver has not voted yet."""
    if assembly.status == Status.CLOSED:
        raise ValidationError(_("This assembly is closed."))
    if giver.pk == holder.pk:
        raise ValidationError(_("A member cannot give a proxy to themselves."))
    for member in (giver, holder):
        if member.organisation_id != assembly.organisation_id or not is_voting_member(member):
            raise ValidationError(_("Only active members can give or hold a proxy."))
    with transaction.atomic():
        Assembly.objects.select_for_update().get(pk=assembly.pk)  # one proxy recorded at a time per assembly
        proxies = Proxy.objects.filter(assembly=assembly)
        if proxies.filter(holder=holder).count() >= assembly.max_proxies:
            raise ValidationError(
                _("%(name)s already holds %(count)d proxies, the most allowed.")
                % {"name": holder.pseudonym, "count": assembly.max_proxies}
            )
        if proxies.filter(giver=giver).exists():
            raise ValidationError(_("%(name)s has already given a proxy.") % {"name": giver.pseudonym})
        if proxies.filter(holder=giver).exists() or proxies.filter(giver=holder).exists():
            raise ValidationError(_("A proxy cannot be passed on: someone who gives a proxy holds none."))
        if Participation.objects.filter(question__assembly=assembly, member=giver).exists():
            raise ValidationError(_("%(name)s has already voted.") % {"name": giver.pseudonym})
        proxy = Proxy(assembly=assembly, giver=giver, holder=holder, recorded_by=actor)
        proxy.full_clean(exclude=["assembly", "giver", "holder", "recorded_by"])
        proxy.save()
        _audit(actor, Action.CREATE, proxy, assembly)
    return proxy


def proxy_remove(*, proxy: Proxy, actor: User) -> None:
    assembly = proxy.assembly
    if Participation.objects.filter(question__assembly=assembly, member_id=proxy.giver_id).exists():
        raise ValidationError(_("This proxy has been used: it stays."))
    with transaction.atomic():
        _audit(actor, Action.DELETE, proxy, assembly)
        proxy.delete()


# --- Opening, voting, closing ------------------------------------------------------------------------------


def assembly_announce(*, assembly: Assembly, actor: User) -> Assembly:
    if assembly.status != Status.DRAFT:
        raise ValidationError(_("Only an assembly being prepared can be announced."))
    if not assembly.questions.exists():
        raise ValidationError(_("Add at least one motion or election first."))
    return _set_status(assembly, Status.ANNOUNCED, actor)


def assembly_open(*, assembly: Assembly, actor: User) -> Assembly:
    """Open the vote: each standing candidate becomes an option; the number of active members is noted for the
    quorum."""
    if assembly.status != Status.ANNOUNCED:
        raise ValidationError(_("Announce the assembly before opening the vote."))
    with transaction.atomic():
        for question in assembly.questions.filter(kind=QuestionKind.ELECTION):
            standing = question.candidacies.filter(withdrawn=False).select_related("member")
            if not standing.exists():
                raise ValidationError(_("Nobody stands in the election “%(title)s”.") % {"title": str(question)})
            for position, candidacy in enumerate(sorted(standing, key=lambda c: c.member.pseudonym.lower()), start=1):
                Option.objects.create(
                    question=question,
                    position=position,
                    role=OptionRole.CANDIDATE,
                    candidacy=candidacy,
                    label=candidacy.member.pseudonym,
                )
        assembly.eligible_count = len(active_members(assembly.organisation))
        assembly.save(update_fields=["eligible_count"])
        return _set_status(assembly, Status.OPEN, actor)


def _set_status(assembly: Assembly, status: str, actor: User) -> Assembly:
    with transaction.atomic():
        assembly.status = status
        assembly.save(update_fields=["status"])
        _audit(actor, Action.UPDATE, assembly, assembly)
    return assembly


def ballot_cast(*, question: Question, option: Option, member: Member, voter: Member | None = None) -> str:
    """Cast one ballot and return its tracker (shown once, never stored). ``member`` is the signed-in member;
    ``voter`` the member who gave them a proxy, when they vote for someone else.

    The participation, the ballot and the receipt are written in one transaction: all or none. The unique
    (question, member) constraint on participations refuses a second vote, also under concurrent submissions.
    Nothing is logged or audited here."""
    voter = voter or member
    assembly = question.assembly
    if assembly.status != Status.OPEN:
        raise VoteRefused(_("Voting is not open."))
    if option.question_id != question.pk:
        raise VoteRefused(_("Choose one of the options."))
    if voter.organisation_id != assembly.organisation_id or not is_voting_member(voter):
        raise VoteRefused(_("Only active members vote."))
    proxies = Proxy.objects.filter(assembly=assembly)
    if voter.pk != member.pk:
        if not is_voting_member(member) or not proxies.filter(giver=voter, holder=member).exists():
            raise VoteRefused(_("You hold no proxy for this member."))
    elif proxies.filter(giver=member).exists():
        raise VoteRefused(_("You gave a proxy: the member who holds it votes for you."))
    tracker = trackers.new_tracker()
    try:
        with transaction.atomic():
            Participation.objects.create(question=question, member=voter, by_proxy=voter.pk != member.pk)
            Ballot.objects.create(question=question, option=option)
            Receipt.objects.create(question=question, tracker_hash=trackers.tracker_hash(tracker))
    except IntegrityError as error:
        raise AlreadyVoted(_("This vote has already been cast.")) from error
    return tracker


def room_counts_set(*, question: Question, counts: dict[int, int], actor: User) -> None:
    """The chair enters the hand-counted votes of the room, per option, while voting is open."""
    assembly = question.assembly
    if assembly.status != Status.OPEN:
        raise ValidationError(_("Room counts are entered while voting is open."))
    if sum(counts.values()) > assembly.room_present:
        raise ValidationError(
            _("More votes (%(votes)d) than members voting in the room (%(present)d).")
            % {"votes": sum(counts.values()), "present": assembly.room_present}
        )
    with transaction.atomic():
        for option in question.options.all():
            RoomCount.objects.update_or_create(
                question=question, option=option, defaults={"count": counts.get(option.pk, 0)}
            )
        _audit(actor, Action.UPDATE, question, assembly)


def room_present_set(*, assembly: Assembly, present: int, actor: User) -> Assembly:
    if assembly.status != Status.OPEN:
        raise ValidationError(_("Room counts are entered while voting is open."))
    online = Participation.objects.filter(question__assembly=assembly).values("member").distinct().count()
    if assembly.eligible_count is not None and present + online > assembly.eligible_count:
        raise ValidationError(_("More members in the room than active members who have not voted online."))
    with transaction.atomic():
        assembly.room_present = present
        assembly.save(update_fields=["room_present"])
        _audit(actor, Action.UPDATE, assembly, assembly)
    return assembly


def _reshuffle(question: Question) -> None:
    """Write the ballots and receipts of a closed question again, in a random order with new keys, so that
    neither their keys nor where they sit on disk follow the order in which members voted."""
    rng = secrets.SystemRandom()
    options = list(Ballot.objects.filter(question=question).values_list("option_id", flat=True))
    hashes = list(Receipt.objects.filter(question=question).values_list("tracker_hash", flat=True))
    rng.shuffle(options)
    rng.shuffle(hashes)
    Ballot.objects.filter(question=question).delete()
    Receipt.objects.filter(question=question).delete()
    Ballot.objects.bulk_create([Ballot(question=question, option_id=option_id) for option_id in options])
    Receipt.objects.bulk_create([Receipt(question=question, tracker_hash=value) for value in hashes])


def assembly_close(*, assembly: Assembly, actor: User) -> Assembly:
    """Close the vote and publish: each question's count is written once and never changes."""
    if assembly.status != Status.OPEN:
        raise ValidationError(_("Only an open vote can be closed."))
    from assembly.selectors import question_lines

    with transaction.atomic():
        Assembly.objects.select_for_update().get(pk=assembly.pk)
        for question in assembly.questions.all():
            _reshuffle(question)
            question.result = tally.count(
                kind=question.kind,
                majority=question.majority,
                seats=question.seats,
                lines=question_lines(question),
                participations=Participation.objects.filter(question=question).count(),
                receipts=Receipt.objects.filter(question=question).count(),
                eligible=assembly.eligible_count or 0,
                quorum_percent=assembly.quorum_percent,
            )
            question.save(update_fields=["result"])
        return _set_status(assembly, Status.CLOSED, actor)


def minutes_save(*, assembly: Assembly, actor: User, minutes: dict[str, str]) -> Assembly:
    with transaction.atomic():
        assembly.minutes = minutes
        assembly.full_clean(exclude=["organisation"])
        assembly.save(update_fields=["minutes"])
        _audit(actor, Action.UPDATE, assembly, assembly)
    return assembly
