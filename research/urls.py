from django.urls import path

from research import views

app_name = "research"

urlpatterns = [
    path("manage/org/<slug:org>/", views.inbox, name="inbox"),
    path("manage/org/<slug:org>/<int:pk>/", views.triage, name="triage"),
    path("<slug:slug>/", views.request_form, name="request"),
    path("<slug:slug>/thanks/", views.thanks, name="thanks"),
]
