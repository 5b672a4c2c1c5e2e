from django.urls import path

from accounts import admin_views, views, webauthn_views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.login_view, name="login"),
    path("sign-in/code/", views.verify_view, name="verify"),
    path("sign-in/authenticator/", views.setup_totp_view, name="setup-totp"),
    path("sign-in/recovery/", views.recovery_login_view, name="recovery-login"),
    path("sign-in/key/options/", webauthn_views.login_options_view, name="webauthn-login-options"),
    path("sign-in/key/", webauthn_views.login_view, name="webauthn-login"),
    path("security/key/options/", webauthn_views.register_options_view, name="webauthn-register-options"),
    path("security/key/", webauthn_views.register_view, name="webauthn-register"),
    path("sign-out/", views.logout_view, name="logout"),
    path("", views.home_view, name="home"),
    path("sessions/", views.sessions_view, name="sessions"),
    path("keepalive/", views.keepalive_view, name="keepalive"),
    path("confirm/", views.reauth_view, name="reauth"),
    path("confirm/key/options/", webauthn_views.reauth_options_view, name="reauth-key-options"),
    path("confirm/key/", webauthn_views.reauth_view, name="reauth-key"),
    path("security/", views.security_view, name="security"),
    path("security/key/<int:pk>/remove/", views.webauthn_remove_view, name="webauthn-remove"),
    path("security/recovery-codes/", views.recovery_codes_view, name="recovery-codes"),
    path("security/password/", views.password_change_view, name="password-change"),
    path("security/my-data/", views.data_export_view, name="data-export"),
    path("security/delete/", views.account_delete_view, name="account-delete"),
    path("set-password/<uidb64>/<token>/", views.set_password_view, name="set-password"),
    path("org/<slug:org>/members/", admin_views.members_view, name="members"),
    path("org/<slug:org>/members/invite/", admin_views.member_invite_view, name="member-invite"),
    path("org/<slug:org>/members/remove/", admin_views.member_remove_view, name="member-remove"),
    path(
        "org/<slug:org>/members/<int:user_id>/second-step/",
        admin_views.second_factor_reset_view,
        name="member-second-factor-reset",
    ),
    path("platform/organisations/", admin_views.organisations_view, name="organisations"),
    path("platform/organisations/new/", admin_views.organisation_create_view, name="organisation-create"),
]
