from django.urls import path

from events import staff_views, views

app_name = "events"

urlpatterns = [
    path("manage/org/<slug:org>/", staff_views.event_list, name="staff-list"),
    path("manage/org/<slug:org>/new/", staff_views.event_new, name="staff-new"),
    path("manage/org/<slug:org>/event/<str:event_id>/", staff_views.event_detail, name="staff-event"),
    path("manage/org/<slug:org>/event/<str:event_id>/edit/", staff_views.event_edit, name="staff-edit"),
    path(
        "manage/org/<slug:org>/registration/<str:registration_id>/<str:action>/",
        staff_views.registration_action,
        name="staff-registration",
    ),
    path("<slug:org>/", views.event_list, name="list"),
    path("<slug:org>/calendar.ics", views.calendar_feed, name="calendar"),
    path("<slug:org>/ticket/", views.ticket, name="ticket"),
    path("<slug:org>/<str:event_id>/", views.event_detail, name="detail"),
]
