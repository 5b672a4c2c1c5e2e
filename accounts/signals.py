"""Signals other apps may listen to (a door of the accounts app, like its selectors and services)."""

from django.dispatch import Signal

# Sent inside the offboarding transaction (``accounts.offboarding``) with ``organisation``; receivers remove what
# they hold for it and return {label: rows removed}.
organisation_offboarding = Signal()
