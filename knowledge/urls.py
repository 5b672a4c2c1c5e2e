from django.urls import path

from knowledge import editor_views, views

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("topic/<slug:slug>/", views.topic, name="topic"),
    path("edit/", editor_views.dashboard, name="dashboard"),
    path("edit/<slug:slug>/", editor_views.item_meta, name="edit-meta"),
    path("edit/<slug:slug>/<str:language>/", editor_views.edit, name="edit"),
    path("edit/<slug:slug>/<str:language>/history/", editor_views.history, name="history"),
    path("edit/<slug:slug>/<str:language>/diff/<int:old>/<int:new>/", editor_views.diff, name="diff"),
    path(
        "edit/<slug:slug>/<str:language>/revision/<int:number>/", editor_views.revision_action, name="revision-action"
    ),
    path("<slug:slug>/", views.item, name="item"),
]
