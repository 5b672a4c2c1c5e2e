from django.urls import URLPattern, URLResolver, path

from plans.views import goals, parts, sharing, space, staff

app_name = "plans"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", space.index, name="index"),
    path("new/", space.create, name="create"),
    path("new/recovery-code/", space.recovery_code, name="recovery-code"),
    path("sign-in/", space.sign_in, name="sign-in"),
    path("sign-out/", space.sign_out, name="sign-out"),
    path("recover/", space.recover, name="recover"),
    path("passphrase/", space.passphrase, name="passphrase"),
    path("delete/", space.delete, name="delete"),
    path("motivations/", parts.motivations, name="motivations"),
    path("goals/", goals.goals, name="goals"),
    path("goals/new/", goals.goal_new, name="goal-new"),
    path("goals/<slug:goal_id>/", goals.goal_edit, name="goal-edit"),
    path("goals/<slug:goal_id>/delete/", goals.goal_delete, name="goal-delete"),
    path("goals/<slug:goal_id>/steps/<slug:step_id>/toggle/", goals.step_toggle, name="step-toggle"),
    path("budget/", parts.budget_view, name="budget"),
    path("skills/", parts.skills_view, name="skills"),
    path("network/", parts.network, name="network"),
    path("safety/", parts.safety, name="safety"),
    path("journal/", parts.journal, name="journal"),
    path("journal/<slug:entry_id>/delete/", parts.journal_delete, name="journal-delete"),
    path("suggestions/", parts.suggestions, name="suggestions"),
    path("share/", sharing.shares, name="shares"),
    path("share/<int:share_id>/code/", sharing.share_code, name="share-code"),
    path("share/<int:share_id>/stop/", sharing.share_revoke, name="share-revoke"),
    path("export/", sharing.export, name="export"),
    path("export/my-plan.json", sharing.export_json, name="export-json"),
    path("export/my-plan.pdf", sharing.export_pdf, name="export-pdf"),
    path("org/<slug:org>/shared/", staff.shared_list, name="shared-list"),
    path("org/<slug:org>/shared/redeem/", staff.shared_redeem, name="shared-redeem"),
]
