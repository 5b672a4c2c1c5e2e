from django.urls import URLPattern, URLResolver, path

from peerquestions import staff_views, views

app_name = "peerquestions"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("ask/<slug:org>/", views.ask, name="ask"),
    path("reply/<slug:org>/", views.reply, name="reply"),
    path("member/<slug:org>/", views.member_questions, name="member-list"),
    path("member/<slug:org>/<int:pk>/", views.member_answer, name="member-answer"),
    path("staff/<slug:org>/", staff_views.dashboard, name="staff"),
    path("staff/<slug:org>/question/<int:pk>/", staff_views.question, name="staff-question"),
    path("staff/<slug:org>/question/<int:pk>/close/", staff_views.close, name="staff-close"),
    path("staff/<slug:org>/answer/<int:pk>/moderate/", staff_views.moderate, name="staff-moderate"),
    path("staff/<slug:org>/answer/<int:pk>/faq/", staff_views.to_faq, name="staff-faq"),
]
