"""/api/v1/: the endpoints, the OpenAPI schema and its docs page (outside i18n_patterns: the
language is the `lang` parameter)."""

from django.urls import include, path
from django.views.generic import RedirectView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("programs", views.ProgramViewSet, basename="program")
router.register("news", views.NewsViewSet, basename="news")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/schema/", views.SchemaView.as_view(), name="schema"),
    path("v1/docs/", views.DocsView.as_view(), name="docs"),
    path("v1/", RedirectView.as_view(pattern_name="api:docs"), name="root"),
    path("", RedirectView.as_view(pattern_name="api:docs")),
]
