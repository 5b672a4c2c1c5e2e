from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path, re_path

from core import views as core_views
from knowledge import views as knowledge_views
from ops import views as ops_views
from search import api as search_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("exit/", core_views.quick_exit, name="quick-exit"),
    path("healthz", core_views.healthz, name="healthz"),
    path("livez", ops_views.livez, name="livez"),
    path("metrics", ops_views.prometheus, name="metrics"),
    path("api/v1/search", search_api.search_view, name="api-search"),
    path("api/v1/openapi.json", search_api.openapi_view, name="api-openapi"),
    path("api/hsds/", include("directory.api_urls")),
    re_path(r"^api/(?P<rest>.*)$", search_api.not_found, name="api-not-found"),  # JSON, like every API answer
]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("audit/", include("audit.urls")),
    path("directory/", include("directory.urls")),
    path("knowledge/", include("knowledge.urls")),
    path("search/", knowledge_views.search, name="search"),
    path("plan/", include("plans.urls")),
    path("members/", include("members.urls")),
    path("questions/", include("peerquestions.urls")),
    path("assembly/", include("assembly.urls")),
    path("events/", include("events.urls")),
    path("mailing/", include("mailing.urls")),
    path("volunteer/", include("volunteering.urls")),
    path("research/", include("research.urls")),
    path("donate/", include("donations.urls")),
    path("safety/", include("safety.urls")),
    path("cases/", include("cases.urls")),
    path("outreach/", include("outreach.urls")),
    path("", include("core.urls")),
)

handler404 = "core.errors.not_found"
handler500 = "core.errors.server_error"
handler403 = "core.errors.forbidden"
handler400 = "core.errors.bad_request"
