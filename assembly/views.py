"""Members' pages (active members, signed in with their member code) and the public results with the bulletin.

The page that shows a tracker after a vote does not say what was chosen: nothing Haven hands out shows a vote.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assembly import selectors, services
from assembly.forms import CandidacyForm, ReceiptForm, VoteForm
from assembly.models import Assembly, Question, QuestionKind, Status
from core.clients import Throttle
from core.types import HavenRequest
from members.access import member_required
from members.models import Member
from members.selectors import is_voting_member

receipt_throttle = Throttle("assembly-receipt", limit=30, window=3600)


def _member(request: HavenRequest) -> Member:
    return request.member  # type: ignore[attr-defined,no-any-return]


def _visible(pk: int) -> Assembly:
    return get_object_or_404(Assembly, pk=pk, status__in=selectors.VISIBLE_TO_MEMBERS)


def _vote_form(question: Question, assembly: Assembly, member: Member, data: Any = None) -> VoteForm | None:
    """The form for the votes this member can still cast on this question (their own, and proxies)."""
    voters = []
    given = selectors.proxy_given(assembly, member)
    if given is None and not selectors.has_voted(question, member):
        voters.append((str(member.pk), _("Myself")))
    for giver in selectors.proxies_held(assembly, member):
        if not selectors.has_voted(question, giver):
            voters.append((str(giver.pk), _("%(name)s (proxy)") % {"name": giver.pseudonym}))
    if not voters:
        return None
    options = [(o.pk, selectors.option_label(o)) for o in question.options.all()]
    return VoteForm(data, options=options, voters=voters, initial={"voter": voters[0][0]}, prefix=f"q{question.pk}")


@require_safe
@member_required(active_only=True)
def member_list(request: HavenRequest) -> HttpResponse:
    member = _member(request)
    return render(
        request,
        "assembly/member_list.html",
        {"organisation": request.organisation, "assemblies": selectors.assemblies_for_member(member)},
    )


@require_safe
@member_required(active_only=True)
def member_detail(request: HavenRequest, pk: int) -> HttpResponse:
    member = _member(request)
    assembly = _visible(pk)
    return render(request, "assembly/member_detail.html", _detail_context(request, assembly, member))


def _detail_context(request: HavenRequest, assembly: Assembly, member: Member, **extra: Any) -> dict[str, Any]:
    questions = []
    for question in assembly.questions.prefetch_related("options"):
        candidacy = question.candidacies.filter(member=member, withdrawn=False).first()
        questions.append(
            {
                "question": question,
                "form": extra.pop(f"form_{question.pk}", None)
                or (_vote_form(question, assembly, member) if assembly.status == Status.OPEN else None),
                "voted": selectors.has_voted(question, member),
                "candidates": question.candidacies.filter(withdrawn=False).select_related("member"),
                "my_candidacy": candidacy,
                "result": selectors.result_rows(question) if assembly.status == Status.CLOSED else [],
            }
        )
    return {
        "organisation": request.organisation,
        "assembly": assembly,
        "questions": questions,
        "can_vote": is_voting_member(member),
        "proxy_given": selectors.proxy_given(assembly, member),
        "proxies_held": selectors.proxies_held(assembly, member),
        **extra,
    }


@require_POST
@member_required(active_only=True)
def vote(request: HavenRequest, pk: int, question: int) -> HttpResponse:
    member = _member(request)
    assembly = _visible(pk)
    found = get_object_or_404(Question, pk=question, assembly=assembly)
    form = _vote_form(found, assembly, member, request.POST)
    if form is None:
        return redirect("assembly:member-detail", org=request.organisation.slug, pk=assembly.pk)
    if form.is_valid():
        voter_id = form.cleaned_data.get("voter") or str(member.pk)
        voter = (
            member
            if voter_id == str(member.pk)
            else next((g for g in selectors.proxies_held(assembly, member) if str(g.pk) == voter_id), None)
        )
        option = found.options.filter(pk=form.cleaned_data["option"]).first()
        if voter is None or option is None:
            form.add_error(None, _("Choose one of the options."))
        else:
            try:
                tracker = services.ballot_cast(question=found, option=option, member=member, voter=voter)
            except (services.AlreadyVoted, services.VoteRefused) as error:
                form.add_error(None, str(error))
            else:
                return render(
                    request,
                    "assembly/receipt.html",
                    {"organisation": request.organisation, "assembly": assembly, "question": found, "tracker": tracker},
                )
    context = _detail_context(request, assembly, member, **{f"form_{found.pk}": form})
    return render(request, "assembly/member_detail.html", context, status=200)


@require_http_methods(["GET", "HEAD", "POST"])
@member_required(active_only=True)
def stand(request: HavenRequest, pk: int, question: int) -> HttpResponse:
    member = _member(request)
    assembly = _visible(pk)
    found = get_object_or_404(Question, pk=question, assembly=assembly, kind=QuestionKind.ELECTION)
    current = found.candidacies.filter(member=member).first()
    form = CandidacyForm(request.POST or None, initial={"statement": current.statement if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("withdraw") and current is not None:
                services.candidacy_withdraw(candidacy=current)
            else:
                services.candidacy_stand(question=found, member=member, statement=form.cleaned_data["statement"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("assembly:member-detail", org=request.organisation.slug, pk=assembly.pk)
    return render(
        request,
        "assembly/stand.html",
        {
            "organisation": request.organisation,
            "assembly": assembly,
            "question": found,
            "form": form,
            "current": current if current and not current.withdrawn else None,
        },
    )


# --- Public: results and the bulletin --------------------------------------------------------------------------


def _closed(org: str, pk: int) -> Assembly:
    from accounts.selectors import organisation_by_slug

    organisation = organisation_by_slug(org)
    if organisation is None or not organisation.is_active:
        raise Http404
    assembly = selectors.public_assembly(organisation, pk)
    if assembly is None:
        raise Http404
    return assembly


@require_http_methods(["GET", "HEAD", "POST"])
def results(request: HttpRequest, org: str, pk: int) -> HttpResponse:
    """Anyone can read the results, see that each question's online count equals its receipts, and check a
    tracker (sent in a form, so that it stays out of addresses and history)."""
    assembly = _closed(org, pk)
    from core.scopes import scope

    with scope(organisation=assembly.organisation_id):
        questions = list(assembly.questions.all())
        form = ReceiptForm(request.POST or None)
        checked: dict[str, Any] = {}
        if request.method == "POST" and form.is_valid():
            client = getattr(request, "client_key", "")
            if receipt_throttle.blocked(client):
                form.add_error(None, _("Too many trackers were checked from here. Please try again in an hour."))
            else:
                receipt_throttle.hit(client)
                found = [q for q in questions if selectors.receipt_found(q, form.cleaned_data["tracker"])]
                if not selectors.trackers.normalize(form.cleaned_data["tracker"]):
                    form.add_error("tracker", _("This is not a tracker: it has 28 letters and digits."))
                else:
                    checked = {"found": found}
        rows = [
            {"question": q, "result": selectors.result_rows(q), "summary": q.result, "bulletin": selectors.bulletin(q)}
            for q in questions
        ]
        return render(
            request,
            "assembly/results.html",
            {"assembly": assembly, "org": org, "rows": rows, "form": form, "checked": checked},
        )


@require_safe
def results_json(request: HttpRequest, org: str, pk: int) -> JsonResponse:
    """The same, for anyone who wants to check it with their own program."""
    assembly = _closed(org, pk)
    from core.scopes import scope

    with scope(organisation=assembly.organisation_id):
        data = {
            "assembly": assembly.pk,
            "questions": [
                {
                    "question": q.pk,
                    "kind": q.kind,
                    "result": {**q.result, "options": selectors.result_rows(q)},
                    "receipts": selectors.bulletin(q),
                    "tracker_hash": "sha256('haven-ballot-tracker:' + tracker)",
                }
                for q in assembly.questions.all()
            ],
        }
    return JsonResponse(data)
