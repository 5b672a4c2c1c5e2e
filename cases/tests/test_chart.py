"""The progress chart: an SVG with no script or style, escaped text, status by number as well as colour."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases import services
from cases.charts import progress_chart
from cases.models import NeedStatus
from cases.selectors import case_page
from core.scopes import scope


def test_reassessments_show_progress_per_domain(trio, case):
    today = timezone.localdate()
    with scope(organisation=trio.org_a):
        for days, status in ((60, NeedStatus.URGENT), (30, NeedStatus.WORKING), (0, NeedStatus.NONE)):
            services.assessment_create(
                case=case,
                actor=trio.bob,
                assessed_on=today - timedelta(days=days),
                note="",
                needs={"housing": (status, "")},
            )
        svg = str(progress_chart(case_page(case=case).assessments))
    assert svg.startswith("<svg") and svg.count("<rect") == 3
    assert ">1</text>" in svg and ">3</text>" in svg and ">5</text>" in svg
    assert "<script" not in svg and "style=" not in svg
    assert 'role="img"' in svg


def test_no_assessment_no_chart():
    assert str(progress_chart([])) == ""
