from django.urls import path

from mailing import staff_views, views

app_name = "mailing"

urlpatterns = [
    path("manage/org/<slug:org>/", staff_views.newsletter_list, name="staff-list"),
    path("manage/org/<slug:org>/new/", staff_views.newsletter_new, name="staff-new"),
    path("manage/org/<slug:org>/<str:newsletter_id>/", staff_views.newsletter_detail, name="staff-detail"),
    path("manage/org/<slug:org>/<str:newsletter_id>/edit/", staff_views.newsletter_edit, name="staff-edit"),
    path("manage/org/<slug:org>/<str:newsletter_id>/send/", staff_views.newsletter_send, name="staff-send"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
