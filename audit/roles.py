"""PostgreSQL: the application runs as a role that does not own the tables and cannot rewrite the audit log.

The owner role runs the migrations (it owns every table, and so the triggers). The application role gets
ordinary rights on the other tables, but on the audit log (``audit_auditentry``) only ``SELECT`` and
``INSERT``: appending needs no more, since writers serialise on an advisory lock, not on a row.
Only a table's owner can disable or drop its triggers, so the application role cannot switch them off.
``manage.py grant_app_role <role>`` runs these statements as the owner; run it after every ``migrate``.
"""

from __future__ import annotations

import re

AUDIT_ENTRIES = "audit_auditentry"

_ROLE_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def app_role_grants(role: str) -> list[str]:
    if not _ROLE_RE.match(role):
        raise ValueError("a role name is lower-case letters, digits and underscores")
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM {role}",
        f"REVOKE UPDATE, DELETE ON {AUDIT_ENTRIES} FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE ON django_migrations FROM {role}",
    ]
