from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("org/<slug:org>/", views.log_view, name="log"),
    path("org/<slug:org>/export.csv", views.export_view, name="export"),
]
