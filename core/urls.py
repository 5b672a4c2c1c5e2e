from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("safety/browse-safely/", views.browse_safely, name="browse-safely"),
    path("discreet/", views.discreet_toggle, name="discreet"),
]
