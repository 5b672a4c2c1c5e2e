"""Signals other apps listen to.

``member_forgotten(sender=Member, organisation_id=..., member_id=...)`` is sent inside the transaction that
anonymises a member, before the member's row is deleted: events, the mailing list, donations... anonymise
their own rows that point to the member. A receiver that fails rolls the whole forgetting back.
"""

from __future__ import annotations

from django.dispatch import Signal

member_forgotten = Signal()
