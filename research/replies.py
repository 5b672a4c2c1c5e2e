"""Reply templates for each decision, written once and translated like every other string.

The admin's form is filled with the template in the requester's language (not the admin's), and the admin
can change it before it is sent.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from research.models import Decision


def reply_template(*, decision: str, language: str, name: str, organisation: str) -> str:
    with translation.override(language):
        greeting = _("Hello %(name)s,") % {"name": name}
        signature = _("Kind regards,\nThe team of %(organisation)s") % {"organisation": organisation}
        if decision == Decision.ACCEPTED:
            body = _(
                "Thank you for your request and for the clear questions. We would like to work with you. We will "
                "write again soon to agree on the next steps. Please remember that testimonies of sex workers are "
                "rarely possible: most prefer to stay anonymous to protect themselves and their close ones."
            )
        elif decision == Decision.REFERRED:
            body = _(
                "Thank you for your request. Someone with long experience of the history and current state of sex "
                "work can answer your questions better than we can. We will pass on your request to them, and they "
                "will contact you."
            )
        else:
            body = _(
                "Thank you for your request. We are sorry, but we cannot take part. Our community has limited time "
                "and energy, and we have to choose the requests we take on."
            )
    return f"{greeting}\n\n{body}\n\n{signature}"
