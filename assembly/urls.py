from django.urls import URLPattern, URLResolver, path

from assembly import staff_views, views

app_name = "assembly"

staff = "manage/<slug:org>/<int:pk>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("manage/<slug:org>/", staff_views.assembly_list, name="staff-list"),
    path("manage/<slug:org>/new/", staff_views.assembly_new, name="staff-new"),
    path(staff, staff_views.assembly_detail, name="staff-detail"),
    path(staff + "edit/", staff_views.assembly_edit, name="staff-edit"),
    path(staff + "agenda/", staff_views.agenda_add, name="staff-agenda"),
    path(staff + "document/", staff_views.document_add, name="staff-document"),
    path(staff + "question/", staff_views.question_add, name="staff-question"),
    path(staff + "proxy/", staff_views.proxy_add, name="staff-proxy"),
    path(staff + "proxy/<int:proxy>/remove/", staff_views.proxy_remove, name="staff-proxy-remove"),
    path(staff + "candidacy/<int:candidacy>/withdraw/", staff_views.candidacy_withdraw, name="staff-withdraw"),
    path(staff + "status/", staff_views.assembly_status, name="staff-status"),
    path(staff + "room/", staff_views.room_present, name="staff-room"),
    path(staff + "room/<int:question>/", staff_views.room_counts, name="staff-room-counts"),
    path(staff + "minutes/", staff_views.minutes, name="staff-minutes"),
    path("<slug:org>/", views.member_list, name="member-list"),
    path("<slug:org>/<int:pk>/", views.member_detail, name="member-detail"),
    path("<slug:org>/<int:pk>/vote/<int:question>/", views.vote, name="vote"),
    path("<slug:org>/<int:pk>/stand/<int:question>/", views.stand, name="stand"),
    path("<slug:org>/<int:pk>/results/", views.results, name="results"),
    path("<slug:org>/<int:pk>/results.json", views.results_json, name="results-json"),
]
