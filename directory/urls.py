from django.urls import URLPattern, URLResolver, path

from directory import staff_views, views

app_name = "directory"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("service/<slug:slug>/", views.service, name="service"),
    path("service/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("service/<slug:slug>/suggest/thanks/", views.suggest_thanks, name="suggest-thanks"),
    path("organisation/<slug:slug>/", views.organisation, name="organisation"),
    # Staff
    path("manage/", staff_views.manage, name="manage"),
    path("manage/platform/", staff_views.platform, name="platform"),
    path(
        "manage/platform/listing/<slug:slug>/",
        staff_views.platform_organization_edit,
        name="platform-organisation-edit",
    ),
    path("manage/platform/service/<slug:slug>/", staff_views.platform_service_edit, name="platform-service-edit"),
    path("manage/platform/verify/<str:kind>/<slug:slug>/", staff_views.platform_verify, name="platform-verify"),
    path(
        "manage/platform/suggestion/<int:pk>/done/",
        staff_views.platform_suggestion_done,
        name="platform-suggestion-done",
    ),
    path("manage/org/<slug:org>/", staff_views.dashboard, name="dashboard"),
    path("manage/org/<slug:org>/stale/", staff_views.stale, name="stale"),
    path("manage/org/<slug:org>/listing/<slug:slug>/", staff_views.organization_edit, name="organisation-edit"),
    path("manage/org/<slug:org>/service/<slug:slug>/", staff_views.service_edit, name="service-edit"),
    path("manage/org/<slug:org>/verify/<str:kind>/<slug:slug>/", staff_views.verify, name="verify"),
    path("manage/org/<slug:org>/suggestion/<int:pk>/done/", staff_views.suggestion_done, name="suggestion-done"),
]
