from django.urls import URLPattern, URLResolver, path

from cases import report_views

app_name = "case_reports"

urlpatterns: list[URLPattern | URLResolver] = [
    path("org/<slug:org>/", report_views.report, name="report"),
    path("org/<slug:org>/export/<str:fmt>/", report_views.export, name="export"),
]
