from django.urls import URLPattern, URLResolver, path

from safety import staff_views, views

app_name = "safety"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("report/", views.report, name="report"),
    path("reply/", views.come_back, name="come-back"),
    path("reply/send/", views.reply, name="reply"),
    path("reply/delete/", views.delete, name="delete"),
    path("warnings/", views.warnings, name="warnings"),
    path("check/", views.check, name="check"),
    path("self-check/", views.self_check, name="self-check"),
    path("self-check/someone-else/", views.self_check_other, name="self-check-other"),
    path("org/<slug:org>/", staff_views.report_list, name="staff-reports"),
    path("org/<slug:org>/reports/<int:pk>/", staff_views.report_detail, name="staff-report"),
    path("org/<slug:org>/reports/<int:pk>/photos/<int:photo>/", staff_views.report_photo, name="staff-photo"),
    path("org/<slug:org>/reports/<int:pk>/warn/", staff_views.alert_new, name="staff-alert-new"),
    path("org/<slug:org>/warnings/", staff_views.alert_list, name="staff-alerts"),
    path("org/<slug:org>/warnings/<int:pk>/withdraw/", staff_views.alert_withdraw, name="staff-alert-withdraw"),
    path("org/<slug:org>/desk/", staff_views.desk, name="staff-desk"),
    path("org/<slug:org>/statistics/", staff_views.statistics_view, name="staff-statistics"),
    path("org/<slug:org>/statistics.csv", staff_views.statistics_csv, name="staff-statistics-csv"),
]
