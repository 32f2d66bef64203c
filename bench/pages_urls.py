"""The site's URLs plus the benchmark's floor: a bare Django view, no template, no query."""

from django.http import HttpResponse
from django.urls import path

from k3cms.urls import handler400, handler500, urlpatterns  # noqa: F401

FLOOR_BODY = (
    b"<!DOCTYPE html><html lang='en'><title>floor</title><p>The floor of the benchmark.</p>"
)


def floor(request):
    return HttpResponse(FLOOR_BODY)


urlpatterns = [path("bench-floor/", floor), *urlpatterns]
