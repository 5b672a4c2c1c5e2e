"""The HSDS 3.0 API, outside the language prefix: /api/hsds/... (a trailing slash is accepted too)."""

from django.urls import re_path

from directory import api

app_name = "hsds"

ID = r"(?P<id>[^/]+)"

urlpatterns = [
    re_path(r"^$", api.index, name="index"),
    re_path(r"^services/?$", api.services, name="services"),
    re_path(rf"^services/{ID}/?$", api.service, name="service"),
    re_path(r"^organizations/?$", api.organizations, name="organizations"),
    re_path(rf"^organizations/{ID}/?$", api.organization, name="organization"),
    re_path(r"^taxonomies/?$", api.taxonomies, name="taxonomies"),
    re_path(rf"^taxonomies/{ID}/?$", api.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_terms, name="taxonomy-terms"),
    re_path(rf"^taxonomy_terms/{ID}/?$", api.taxonomy_term, name="taxonomy-term"),
    re_path(r"^service_at_locations/?$", api.service_at_locations, name="service-at-locations"),
    re_path(rf"^service_at_locations/{ID}/?$", api.service_at_location, name="service-at-location"),
    re_path(r"^(?P<rest>.*)$", api.not_found, name="not-found"),
]
