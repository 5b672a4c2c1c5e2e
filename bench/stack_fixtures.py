"""What bench/load.py's scenarios need in the stack's database, made inside the stack and printed as JSON.

Run by bench/load.py as ``manage.py shell -c "import runpy; runpy.run_path('bench/stack_fixtures.py')"`` with
``BENCH_ORGANISATION`` naming the organisation whose caseworker the dashboard scenario signs in as (one made by
``manage.py generate_case_data``, or ``bench-desk``, made here with no cases). Makes, once:

- a private plan (pseudonym and passphrase from bench/load.py) for the sign-in scenario;
- an organisation that receives anonymous reports for the whole of Belgium (the report scenario);
- a signed-in staff session, as after both sign-in steps, for a caseworker of ``BENCH_ORGANISATION``.

Prints ``{"session": "<session key>", "organisation": "<slug>", "cases": <open cases the caseworker leads>}``.
Refused in production, like the generators.
"""

from __future__ import annotations

import json
import os
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from accounts.access import REAUTH_SESSION_KEY
from accounts.middleware import STAFF_SESSION_KEY
from accounts.models import Membership, Organisation, Role, User
from accounts.selectors import members_of, organisation_by_slug
from accounts.services import staff_session_start
from cases.models import Case, CaseStatus
from core.scopes import scope
from plans.services import space_create, space_unlock
from safety.models import Desk

if settings.HAVEN_ENV == "production":
    raise SystemExit("bench fixtures are refused in production")

PSEUDONYM = os.environ["BENCH_PLAN_PSEUDONYM"]
PASSPHRASE = os.environ["BENCH_PLAN_PASSPHRASE"]
SLUG = os.environ.get("BENCH_ORGANISATION", "bench-desk")

if space_unlock(pseudonym=PSEUDONYM, passphrase=PASSPHRASE) is None:
    space_create(pseudonym=PSEUDONYM, passphrase=PASSPHRASE)

desk_organisation, _ = Organisation.objects.get_or_create(slug="bench-desk", defaults={"name": "Bench desk"})
Desk.objects.get_or_create(organisation=desk_organisation, defaults={"country": "BE", "regions": []})

organisation = organisation_by_slug(SLUG)
if organisation is None:
    raise SystemExit(f"no organisation {SLUG}: run manage.py generate_case_data first")
with scope(organisation=organisation):
    member = members_of(organisation=organisation).filter(role=Role.CASEWORKER).select_related("user").first()
    if member is None:
        user, _ = User.objects.get_or_create(email=f"caseworker@{SLUG}.example.org", defaults={"name": "Bench"})
        Membership(user=user, organisation=organisation, role=Role.CASEWORKER).save()
    else:
        user = member.user
    cases = Case.objects.filter(lead=user, status=CaseStatus.OPEN).count()

store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store[STAFF_SESSION_KEY] = staff_session_start(user=user).key
store[REAUTH_SESSION_KEY] = int(time.time())
store.create()
print(json.dumps({"session": store.session_key, "organisation": SLUG, "cases": cases}))
