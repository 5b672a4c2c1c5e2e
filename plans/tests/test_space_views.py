"""Making a private space, signing in and out, recovering it, changing the passphrase."""

import re

import pytest
from django.test import Client

from plans import services
from plans.models import Part, PartKind, Space
from plans.tests.helpers import BASE, PASSPHRASE, PSEUDONYM, code_in, make_plan, sign_in

WRONG = b"That pseudonym and passphrase do not open a plan."


@pytest.mark.django_db
def test_the_welcome_page_explains_and_asks_for_nothing(client: Client):
    html = client.get(BASE).content.decode()
    assert "Make my private plan" in html
    assert "email" in html  # "We do not ask for your name, email or phone number."
    assert 'type="email"' not in html


@pytest.mark.django_db
def test_the_creation_form_asks_only_for_a_pseudonym_and_a_passphrase(client: Client):
    html = client.get(BASE + "new/").content.decode()
    names = {name for name in ("pseudonym", "passphrase", "passphrase2", "understood") if f'name="{name}"' in html}
    assert names == {"pseudonym", "passphrase", "passphrase2", "understood"}
    assert html.count("<input") == 5  # the four above and the CSRF token
    assert "lost for good" in html


@pytest.mark.django_db
def test_creating_a_plan_shows_the_recovery_code_once(client: Client):
    plan = make_plan(client)
    assert len(plan.recovery_code) == 29
    assert client.get(BASE + "new/recovery-code/")["Location"] == BASE  # gone once kept
    assert plan.recovery_code not in client.get(BASE).content.decode()
    assert Space.objects.count() == 1
    assert set(Part.objects.values_list("kind", flat=True)) == set(PartKind.values)


@pytest.mark.django_db
def test_the_recovery_code_page_can_be_printed_and_warns(client: Client):
    client.post(
        BASE + "new/",
        {"pseudonym": PSEUDONYM, "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE, "understood": "on"},
    )
    html = client.get(BASE + "new/recovery-code/").content.decode()
    assert "data-print" in html and "lost for good" in html
    assert client.get(BASE)["Location"] == BASE + "new/recovery-code/"  # until it is kept


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"pseudonym": "ab"}, "at least 3"),
        ({"passphrase": "short", "passphrase2": "short"}, "at least 10"),
        ({"passphrase2": "something else entirely"}, "not the same"),
        ({"passphrase": "password123", "passphrase2": "password123"}, "too common"),
        ({"pseudonym": "lamp river seven tulips"}, "different from your pseudonym"),
        ({"understood": ""}, "Tick this box"),
    ],
)
def test_creation_errors_keep_what_was_typed(client: Client, data, field_error):
    posted = {"pseudonym": PSEUDONYM, "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE, "understood": "on", **data}
    response = client.post(BASE + "new/", posted)
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error in html
    assert f'value="{posted["pseudonym"]}"' in html
    assert Space.objects.count() == 0


@pytest.mark.django_db
def test_sign_in_opens_the_plan(client: Client):
    make_plan(Client())
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == BASE
    assert client.get(BASE + "budget/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_passphrase_reveals_nothing_and_reads_like_an_unknown_pseudonym(client: Client):
    plan = make_plan(Client())
    plan.post("motivations/", {"version": 1, "why": "a private reason"})
    wrong = sign_in(client, PSEUDONYM, "not the passphrase at all")
    unknown = sign_in(Client(), "Nobody Here", "not the passphrase at all")
    assert wrong.status_code == unknown.status_code == 200
    assert WRONG in wrong.content and WRONG in unknown.content
    assert b"a private reason" not in wrong.content
    assert client.get(BASE + "motivations/")["Location"] == BASE + "sign-in/"


@pytest.mark.django_db
def test_sign_in_is_throttled_per_pseudonym_with_the_same_message_for_unknown_ones(client: Client):
    make_plan(Client())
    for pseudonym in (PSEUDONYM, "Nobody Here"):
        for _ in range(5):
            sign_in(Client(), pseudonym, "wrong passphrase here")
        blocked = sign_in(Client(), pseudonym, PASSPHRASE)
        assert b"Too many attempts" in blocked.content
    assert sign_in(client, "Blue Heron", PASSPHRASE).status_code == 200  # still blocked: no plan opened


@pytest.mark.django_db
def test_pseudonyms_can_be_shared_so_that_making_one_never_tells_it_exists():
    first = make_plan(Client(), pseudonym="Rose", passphrase="first passphrase words")
    second = make_plan(Client(), pseudonym="rose", passphrase="second passphrase words")
    assert Space.objects.count() == 2
    assert first.space().pk != second.space().pk
    assert first.space().salt == second.space().salt  # one key derivation opens either


@pytest.mark.django_db
def test_the_same_pseudonym_and_passphrase_twice_is_refused(client: Client):
    make_plan(Client())
    response = client.post(
        BASE + "new/",
        {"pseudonym": PSEUDONYM, "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE, "understood": "on"},
    )
    assert response.status_code == 200 and b"Choose another passphrase" in response.content
    assert Space.objects.count() == 1


def _create(client: Client, pseudonym: str, passphrase: str):
    data = {"pseudonym": pseudonym, "passphrase": passphrase, "passphrase2": passphrase, "understood": "on"}
    return client.post(BASE + "new/", data)


def _elsewhere(number: int) -> Client:
    """A browser on another address: per-client throttles do not apply to it."""
    return Client(REMOTE_ADDR=f"198.51.100.{number}")


def _form(response) -> str:
    """The form as answered, without its CSRF token."""
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html[html.index("<form") :])


@pytest.mark.django_db
def test_a_locked_pseudonym_gets_the_same_answer_from_plan_making_whatever_the_passphrase():
    make_plan(_elsewhere(1))
    for number in range(5):
        sign_in(_elsewhere(10 + number), PSEUDONYM, f"wrong passphrase {number}")
    right = _create(_elsewhere(20), PSEUDONYM, PASSPHRASE)
    wrong = _create(_elsewhere(21), PSEUDONYM, "another good passphrase")
    unknown = _create(_elsewhere(22), "Nobody Here", "another good passphrase")
    assert b"Too many attempts" in right.content
    assert _form(right) == _form(wrong)
    assert unknown.status_code == 302
    assert Space.objects.count() == 2


@pytest.mark.django_db
def test_making_plans_is_throttled_per_pseudonym_across_clients():
    for number in range(5):
        assert _create(_elsewhere(number), "Quiet Lake", f"passphrase number {number}").status_code == 302
    blocked = _create(_elsewhere(9), "quiet  LAKE", "passphrase number 9")
    assert blocked.status_code == 200 and b"Too many attempts" in blocked.content
    assert Space.objects.count() == 5


@pytest.mark.django_db
def test_signing_in_to_a_plan_of_ones_own_does_not_refill_the_budget_of_a_pseudonym():
    mine = make_plan(_elsewhere(1), pseudonym=PSEUDONYM, passphrase="my own passphrase words")
    make_plan(_elsewhere(2))  # someone else's plan under the same pseudonym
    for number in range(3):
        sign_in(_elsewhere(10 + number), PSEUDONYM, f"wrong passphrase {number}")
        assert sign_in(_elsewhere(20 + number), PSEUDONYM, mine.passphrase).status_code in (200, 302)
    assert b"Too many attempts" in sign_in(_elsewhere(30), PSEUDONYM, PASSPHRASE).content


@pytest.mark.django_db
def test_changing_the_passphrase_and_recovering_draw_on_the_budget_of_the_pseudonym():
    make_plan(_elsewhere(1))  # the victim's plan
    mine = make_plan(_elsewhere(2), pseudonym=PSEUDONYM, passphrase="my own passphrase words")
    for number in range(3):
        mine.post(
            "passphrase/",
            {
                "current": mine.passphrase,
                "passphrase": f"guess number {number}x",
                "passphrase2": f"guess number {number}x",
            },
        )
        mine.passphrase = f"guess number {number}x"
    changed = mine.post(
        "passphrase/", {"current": mine.passphrase, "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE}
    )
    assert b"Too many attempts" in changed.content
    recovered = _elsewhere(3).post(
        BASE + "recover/",
        {
            "recovery_code": mine.recovery_code,
            "pseudonym": PSEUDONYM,
            "passphrase": PASSPHRASE,
            "passphrase2": PASSPHRASE,
        },
    )
    assert b"Too many attempts" in recovered.content
    assert b"Choose another passphrase" not in changed.content + recovered.content


@pytest.mark.django_db
def test_sign_out_locks_the_plan(plan):
    response = plan.post("sign-out/")
    assert response["Location"] == BASE
    assert plan.get("goals/")["Location"] == BASE + "sign-in/"


@pytest.mark.django_db
def test_recovery_opens_the_plan_with_a_new_passphrase_and_a_new_code(client: Client):
    plan = make_plan(Client())
    plan.post("motivations/", {"version": 1, "why": "kept through recovery"})
    response = client.post(
        BASE + "recover/",
        {
            "recovery_code": plan.recovery_code.lower(),
            "pseudonym": "New Heron",
            "passphrase": "a brand new passphrase",
            "passphrase2": "a brand new passphrase",
        },
    )
    assert response["Location"] == BASE + "new/recovery-code/"
    new_code = code_in(client.get(BASE + "new/recovery-code/").content.decode())
    assert new_code != plan.recovery_code
    client.post(BASE + "new/recovery-code/")
    assert "kept through recovery" in client.get(BASE + "motivations/").content.decode()
    assert sign_in(Client(), PSEUDONYM, PASSPHRASE).status_code == 200  # old pseudonym and passphrase: refused
    assert sign_in(Client(), "New Heron", "a brand new passphrase").status_code == 302
    again = client.post(
        BASE + "recover/",
        {
            "recovery_code": plan.recovery_code,
            "pseudonym": "x" * 5,
            "passphrase": "yet another passphrase",
            "passphrase2": "yet another passphrase",
        },
    )
    assert b"does not open a plan" in again.content  # the old code no longer works


@pytest.mark.django_db
def test_a_wrong_recovery_code_opens_nothing(client: Client):
    make_plan(Client())
    response = client.post(
        BASE + "recover/",
        {
            "recovery_code": "0000-0000-0000-0000-0000-0000",
            "pseudonym": PSEUDONYM,
            "passphrase": "a brand new passphrase",
            "passphrase2": "a brand new passphrase",
        },
    )
    assert response.status_code == 200 and b"does not open a plan" in response.content
    assert sign_in(Client()).status_code == 302  # the passphrase was not changed


@pytest.mark.django_db
def test_changing_the_passphrase_rewraps_the_key_without_reencrypting(plan):
    plan.post("motivations/", {"version": 1, "why": "still readable"})
    sealed_before = dict(Part.objects.values_list("kind", "sealed"))
    wrapped_before = plan.space().passphrase_wrapped
    wrong = plan.post(
        "passphrase/",
        {"current": "not my passphrase", "passphrase": "new words for me", "passphrase2": "new words for me"},
    )
    assert b"not your current passphrase" in wrong.content
    response = plan.post(
        "passphrase/", {"current": PASSPHRASE, "passphrase": "new words for me", "passphrase2": "new words for me"}
    )
    assert response.status_code == 302
    assert dict(Part.objects.values_list("kind", "sealed")) == sealed_before
    assert sign_in(Client(), PSEUDONYM, PASSPHRASE).status_code == 200
    assert sign_in(Client(), PSEUDONYM, "new words for me").status_code == 302
    plan.passphrase = "new words for me"
    assert plan.space().passphrase_wrapped != wrapped_before
    assert plan.read(PartKind.MOTIVATIONS).data["why"] == "still readable"
    recovered = services.space_recover(
        recovery_code=plan.recovery_code, pseudonym=PSEUDONYM, passphrase="after the change"
    )
    assert recovered is not None  # the recovery code still works after a passphrase change


@pytest.mark.django_db
def test_sign_in_after_a_secret_key_rotation_still_works(settings):
    plan = make_plan(Client())
    old_lookup = plan.space().lookup
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-rotated-secret-key-" + "y" * 50
    assert sign_in(Client()).status_code == 302
    assert Space.objects.get().lookup != old_lookup  # stored again under the new key


@pytest.mark.django_db
def test_bad_input_never_gives_a_server_error(client: Client):
    for path in ("new/", "sign-in/", "recover/"):
        assert client.post(BASE + path, {"pseudonym": "\x00" * 3, "passphrase": ["a", "b"]}).status_code == 200
    client.cookies["haven_plan_en"] = "not base64 !!"
    assert client.get(BASE + "goals/").status_code == 302


@pytest.mark.django_db
def test_the_recovery_code_is_shown_in_groups_that_never_break_inside(client: Client):
    client.post(
        BASE + "new/",
        {"pseudonym": "Groups", "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE, "understood": "on"},
    )
    html = client.get(BASE + "new/recovery-code/").content.decode()
    shown = re.search(r"<code>(.*?)</code>", html)
    assert shown
    groups = re.findall(r'<span class="code-group">([0-9A-Z]{4}-?)</span>', shown.group(1))
    assert len(groups) == 6 and re.sub(r"<[^>]+>", "", shown.group(1)) == "".join(groups)
    assert shown.group(1).count("<wbr>") == 5  # the only places a line may break: after a hyphen
