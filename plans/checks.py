"""System checks of the planner: what it needs from the machine."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, register


@register()
def pdf_fonts_are_installed(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from plans.pdf import FONT_PACKAGES, missing_fonts

    missing = missing_fonts()
    if not missing:
        return []
    return [
        Error(
            "The plan PDF needs fonts that are not installed: " + ", ".join(str(path) for path in missing),
            hint=f"Install the Debian packages {FONT_PACKAGES} (make system-deps does).",
            id="plans.E001",
        )
    ]
