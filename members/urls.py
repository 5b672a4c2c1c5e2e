from django.urls import path

from members import staff_views, views

app_name = "members"

urlpatterns = [
    path("manage/org/<slug:org>/", staff_views.registry, name="staff-registry"),
    path("manage/org/<slug:org>/rules/", staff_views.rules, name="staff-rules"),
    path("manage/org/<slug:org>/member/<str:member_id>/", staff_views.member_detail, name="staff-member"),
    path("manage/org/<slug:org>/member/<str:member_id>/decide/", staff_views.decide, name="staff-decide"),
    path("manage/org/<slug:org>/member/<str:member_id>/new-code/", staff_views.issue_code, name="staff-new-code"),
    path("manage/org/<slug:org>/member/<str:member_id>/forget/", staff_views.forget, name="staff-forget"),
    path(
        "manage/org/<slug:org>/proposal/<str:proposal_id>/done/", staff_views.proposal_done, name="staff-proposal-done"
    ),
    path("<slug:org>/apply/", views.apply, name="apply"),
    path("<slug:org>/confirm/<str:token>/", views.confirm_email, name="confirm-email"),
    path("<slug:org>/sign-in/", views.sign_in, name="sign-in"),
    path("<slug:org>/new-code/", views.new_code, name="new-code"),
    path("<slug:org>/sign-out/", views.sign_out, name="sign-out"),
    path("<slug:org>/me/", views.home, name="home"),
    path("<slug:org>/me/details/", views.profile, name="profile"),
    path("<slug:org>/me/passphrase/", views.passphrase, name="passphrase"),
    path("<slug:org>/me/tasks/", views.tasks, name="tasks"),
    path("<slug:org>/me/propose/", views.propose, name="propose"),
    path("<slug:org>/me/export/", views.export, name="export"),
    path("<slug:org>/me/leave/", views.leave, name="leave"),
    path("<slug:org>/me/delete/", views.delete, name="delete"),
]
