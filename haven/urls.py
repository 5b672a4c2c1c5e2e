from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from core import views as core_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("exit/", core_views.quick_exit, name="quick-exit"),
    path("healthz", core_views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("core.urls")),
)

handler404 = "core.errors.not_found"
handler500 = "core.errors.server_error"
handler403 = "core.errors.forbidden"
handler400 = "core.errors.bad_request"
