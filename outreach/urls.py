from django.urls import URLPattern, URLResolver, path

from outreach import views

app_name = "outreach"

urlpatterns: list[URLPattern | URLResolver] = [
    path("org/<slug:org>/", views.tally_list, name="list"),
    path("org/<slug:org>/new/", views.tally_create, name="create"),
    path("org/<slug:org>/<int:pk>/", views.tally_edit, name="edit"),
    path("org/<slug:org>/<int:pk>/delete/", views.tally_delete, name="delete"),
]
