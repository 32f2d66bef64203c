"""The read-only JSON API of public content: events, partners, programs and news, in German and
English, at /api/v1/ (docs/api.md).

Why a room of its own: the API reads every content app (events, network, news) and none of them
needs it, so it sits in the layer above them beside search and editorial (pyproject's
import-linter contract); and everything that is only about serving machines (serializers,
pagination, throttling, CORS, the OpenAPI schema and its docs page) stays out of the apps that
serve readers. It adds no rule of its own about what the public may see: pages come from
`core.visibility.visible_to_public` (drafts, view restrictions and embargoes stay out, in both
languages), the content language from `core.translation`, and the event filters from the
calendar's own `events.filters.EventFilter`.

Why Django REST framework with drf-spectacular rather than Wagtail's API v2: Wagtail's API lists
pages by `live().public()` (an embargoed release's early translation would leak), knows nothing
of aliases or unpublished translations, and its filters are model fields, not the calendar's
validated options. With DRF the views start from our querysets and filter forms, and
drf-spectacular documents them as OpenAPI 3; its sidecar package serves Swagger UI from our own
static files, and the split view keeps every script in a file of its own, so the docs page runs
under the site's strict Content-Security-Policy.
"""
