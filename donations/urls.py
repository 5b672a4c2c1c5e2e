from django.urls import path

from donations import views

app_name = "donations"

urlpatterns = [
    path("manage/org/<slug:org>/", views.ledger, name="ledger"),
    path("manage/org/<slug:org>/gifts-<int:year>.csv", views.ledger_csv, name="ledger-csv"),
    path("manage/org/<slug:org>/account/", views.account_edit, name="account"),
    path("manage/org/<slug:org>/gift/new/", views.gift_new, name="gift-new"),
    path("manage/org/<slug:org>/gift/<int:pk>/thanked/", views.gift_thanked, name="gift-thanked"),
    path("manage/org/<slug:org>/donors/", views.donor_list, name="donors"),
    path("manage/org/<slug:org>/donors/new/", views.donor_edit, name="donor-new"),
    path("manage/org/<slug:org>/donors/<int:pk>/", views.donor_edit, name="donor"),
    path("manage/org/<slug:org>/donors/<int:pk>/forget/", views.donor_forget, name="donor-forget"),
    path("manage/org/<slug:org>/import/", views.statement_upload, name="upload"),
    path("manage/org/<slug:org>/import/<int:pk>/", views.statement_preview, name="import"),
    path("<slug:slug>/", views.donate, name="donate"),
]
