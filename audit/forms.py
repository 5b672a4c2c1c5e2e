from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from audit.selectors import EntryFilter
from audit.services import Action

ACTION_LABELS = {
    Action.READ: _("Read"),
    Action.CREATE: _("Created"),
    Action.UPDATE: _("Changed"),
    Action.DELETE: _("Deleted"),
    Action.EXPORT: _("Exported"),
    Action.SHARE: _("Shared"),
    Action.SIGN_IN: _("Signed in"),
    Action.SIGN_OUT: _("Signed out"),
    Action.OFFBOARD: _("Offboarded"),
}


class AuditFilterForm(forms.Form):
    actor = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int, empty_value=None)
    action = forms.ChoiceField(label=_("What they did"), required=False)
    since = forms.DateField(label=_("From (day)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until (day)"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    record = forms.CharField(
        label=_("Record"),
        required=False,
        max_length=130,
        help_text=_("A record number, a kind of record, or both: accounts.membership:12"),
    )

    def __init__(self, *args: Any, actors: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", _("Anyone")), *actors]  # type: ignore[attr-defined]
        self.fields["action"].choices = [("", _("Anything")), *ACTION_LABELS.items()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("This day comes before the first one."))
        return cleaned

    def filters(self) -> EntryFilter:
        if not self.is_bound:
            return EntryFilter()
        self.is_valid()  # what is valid still filters; what is not shows its error beside the field
        data = self.cleaned_data
        return EntryFilter(
            actor_id=data.get("actor"),
            action=data.get("action") or "",
            since=data.get("since"),
            until=data.get("until"),
            record=data.get("record") or "",
        )
