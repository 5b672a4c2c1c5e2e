"""Funder reports, included from cases/urls.py (names live in the "cases" namespace)."""

from django.urls import URLPattern, URLResolver, path

from cases import report_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("<slug:org>/reports/", report_views.report, name="report"),
    path("<slug:org>/reports/export/<str:fmt>/", report_views.export, name="report-export"),
]
