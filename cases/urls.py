from django.urls import URLPattern, URLResolver, include, path

from cases.views import cases, organisation, trajectory

app_name = "cases"

CASE = "<slug:org>/<int:case>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("cases.report_urls")),  # funder reports
    path("<slug:org>/", cases.dashboard, name="dashboard"),
    path("<slug:org>/all/", cases.case_list, name="list"),
    path("<slug:org>/new/", cases.case_new, name="new"),
    path("<slug:org>/referrals/", organisation.inbox, name="inbox"),
    path("<slug:org>/referrals/<int:pk>/", organisation.incoming, name="incoming"),
    path("<slug:org>/settings/", organisation.settings_view, name="settings"),
    path("<slug:org>/profiles/<slug:slug>/", organisation.profile_edit, name="profile"),
    path(CASE, cases.case_page, name="case"),
    path(CASE + "edit/", cases.case_edit, name="edit"),
    path(CASE + "identity/", cases.identity, name="identity"),
    path(CASE + "close/", cases.close, name="close"),
    path(CASE + "reopen/", cases.reopen, name="reopen"),
    path(CASE + "transfer/", cases.transfer, name="transfer"),
    path(CASE + "access/", cases.access, name="access"),
    path(CASE + "export/", cases.export, name="export"),
    path(CASE + "delete/", cases.delete, name="delete"),
    path(CASE + "consent/", trajectory.consent_new, name="consent"),
    path(CASE + "consent/<int:pk>/withdraw/", trajectory.consent_withdraw, name="consent-withdraw"),
    path(CASE + "assessment/", trajectory.assessment_new, name="assessment"),
    path(CASE + "goals/", trajectory.goal_new, name="goal-new"),
    path(CASE + "goals/<int:pk>/", trajectory.goal_edit, name="goal"),
    path(CASE + "goals/<int:pk>/action/", trajectory.action_new, name="action-new"),
    path(CASE + "actions/<int:pk>/done/", trajectory.action_done, name="action-done"),
    path(CASE + "contacts/", trajectory.contact_new, name="contact"),
    path(CASE + "documents/", trajectory.document_new, name="document-new"),
    path(CASE + "documents/<int:pk>/", trajectory.document_download, name="document"),
    path(CASE + "documents/<int:pk>/delete/", trajectory.document_delete, name="document-delete"),
    path(CASE + "referrals/", trajectory.referral_new, name="referral"),
    path(CASE + "referrals/<int:pk>/withdraw/", trajectory.referral_withdraw, name="referral-withdraw"),
    path(CASE + "my-plan/", trajectory.plan_attach, name="plan-attach"),
    path(CASE + "my-plan/<int:pk>/", trajectory.plan_view, name="plan"),
    path(CASE + "follow-ups/<int:pk>/", trajectory.follow_up, name="follow-up"),
]
