"""The API's endpoints: a list and a detail view per content type, the schema and its docs page.

Lists are of one language (`lang`, German by default) and hold every page of the type that is
visible to the public (`core.visibility`), in the order the site lists them. English lists
include the English pages not translated yet (aliases of German pages and translations not
published yet), as the English calendar and listings do, with `content_language: "de"`, so a
client can tell German text from English and shows the same events as the site. `translations`
names only real translations.

Filters are the site's own filter forms (`events.filters.EventFilter`,
`network.filters.PartnerFilter`). Where the site ignores an invalid value with a note to the
reader, the API answers 400 with the parameter's name: a program would otherwise take an
unfiltered list for a filtered one.
"""

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.models import Locale, Page

from core.filters import ListingFilter
from core.translation import is_real_translation, with_translation_state
from core.visibility import visible_to_public
from events.choices import EventFormat
from events.filters import LANGUAGE_OPTIONS, EventFilter, MonthField
from events.models import EventIndexPage, EventPage, attach_lead_organisers
from network.choices import PartnerRole
from network.filters import PartnerFilter
from network.models import PartnerPage, ProgramPage
from news.models import NewsPage
from taxonomy.models import FieldOfAction, Topic

from . import serializers
from .throttling import ApiRateThrottle

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
PERIODS = ["upcoming", "past"]


class PublicAccess:
    """No login, no cookies, JSON only, rate limited: the same for every endpoint."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ApiRateThrottle]


class JsonOnly(BaseContentNegotiation):
    """Always JSON. DRF would read `?format=` as the wanted renderer, but here `format` is the
    calendar's filter (in person, online, hybrid)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class Pagination(PageNumberPagination):
    """`page` (from 1) and `page_size` (up to 100; an invalid size gives the default)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


# --- Reading the query string -------------------------------------------------------------------


def invalid(parameter, message):
    return ValidationError({parameter: [message]})


def single_value(params, name, default=""):
    """The one value of a query parameter (blank counts as missing); 400 for several."""
    values = {value.strip() for value in params.getlist(name) if value.strip()}
    if len(values) > 1:
        raise invalid(name, gettext("Give one value only."))
    return values.pop() if values else default


def one_of(params, name, allowed, default):
    value = single_value(params, name, default)
    if value not in allowed:
        raise invalid(name, not_allowed_message(value, allowed))
    return value


def not_allowed_message(value, allowed):
    message = gettext("“%(value)s” is not a valid value.") % {"value": ListingFilter.shown(value)}
    if allowed:
        message += " " + gettext("Valid values: %(values)s.") % {"values": ", ".join(allowed)}
    return message


def validated(listing, params):
    """The filter form `listing`, or 400 naming every parameter it could not use."""
    errors = {}
    for name, field in listing.fields.items():
        try:
            value = single_value(params, name)
        except ValidationError as error:
            errors.update(error.detail)
            continue
        if name not in listing.errors:
            continue
        if isinstance(field, MonthField):
            errors[name] = [
                gettext("“%(value)s” is not a month in the form YYYY-MM.")
                % {"value": listing.shown(value)}
            ]
        else:
            allowed = [str(option) for option, _label in field.choices if option != ""]
            errors[name] = [not_allowed_message(value, allowed)]
    if errors:
        raise ValidationError(errors)
    return listing


# --- What the pages' cards need besides their own rows -------------------------------------------


def real_translations_by_key(pages):
    """{translation_key: [page, …]}: the real translations, visible to the public, of `pages`,
    themselves included. One query for all."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    found = with_translation_state(
        visible_to_public(Page.objects.filter(translation_key__in=keys))
    ).select_related("locale")
    by_key = {}
    for page in found:
        if is_real_translation(page):
            by_key.setdefault(page.translation_key, []).append(page)
    return by_key


# --- Endpoints ---------------------------------------------------------------------------------

LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    default=settings.LANGUAGE_CODE,
    description=(
        "The language of the list. English lists include pages not translated yet, with "
        '`content_language` "de".'
    ),
)


ERRORS = {
    404: OpenApiResponse(serializers.ErrorSerializer, description="No such page, or not visible."),
    429: OpenApiResponse(
        serializers.ErrorSerializer,
        description="Too many requests; `Retry-After` says when to try again.",
    ),
}
LIST_ERRORS = {
    **ERRORS,
    400: OpenApiResponse(
        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        description="A parameter has a value that is not offered; the answer names it.",
        examples=[OpenApiExample("Unknown topic", {"topic": ["“nope” is not a valid value. …"]})],
    ),
}


def list_schema(serializer, summary, description, parameters):
    return extend_schema(
        summary=summary,
        description=description,
        parameters=parameters,
        responses={200: serializer(many=True), **LIST_ERRORS},
    )


def detail_schema(serializer, summary):
    return extend_schema(summary=summary, responses={200: serializer, **ERRORS})


def filter_parameter(name, description, enum=None, pattern=None):
    return OpenApiParameter(name, str, enum=enum, pattern=pattern, description=description)


class PublicPageViewSet(PublicAccess, viewsets.ReadOnlyModelViewSet):
    """A list of one language's pages and a detail view of each by id."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonOnly
    pagination_class = Pagination
    lookup_value_regex = r"[0-9]+"
    model = Page

    def locale(self):
        if not hasattr(self, "_locale"):
            code = one_of(self.request.query_params, "lang", LANGUAGE_CODES, LANGUAGE_CODES[0])
            self._locale = Locale.objects.filter(language_code=code).first()
            if self._locale is None:  # a site whose English tree was never made
                raise NotFound(gettext("There is no content in this language yet."))
        return self._locale

    def listing(self, locale):
        """The pages of `locale` in list order (a queryset)."""
        raise NotImplementedError

    def with_related(self, pages):
        """`pages` with what the serializer reads, fetched in a constant number of queries."""
        return pages

    def related_context(self, pages, locale):
        """What the serializer needs besides the pages' rows, for all of `pages` at once."""
        return {"translations": real_translations_by_key(pages)}

    def get_queryset(self):
        if self.action == "list":
            pages = self.listing(self.locale())
        else:
            pages = visible_to_public(self.model.objects.all())
        return self.with_related(with_translation_state(pages).select_related("locale"))

    def serialized(self, pages, locale):
        context = {**self.get_serializer_context(), **self.related_context(pages, locale)}
        return self.get_serializer(pages, many=True, context=context).data

    def list(self, request, *args, **kwargs):
        pages = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.serialized(pages, self.locale()))

    def retrieve(self, request, *args, **kwargs):
        page = self.get_object()
        return Response(self.serialized([page], page.locale)[0])


EVENT_PARAMETERS = [
    LANG_PARAMETER,
    OpenApiParameter(
        "period",
        str,
        enum=PERIODS,
        default="upcoming",
        description="Events that have not ended yet, soonest first (as the calendar), or "
        "past events, latest first (as its archive).",
    ),
    filter_parameter("program", "A program's slug in the list's language."),
    filter_parameter("format", "How the event takes place.", enum=EventFormat.values),
    filter_parameter("topic", "A topic's slug (the same in both languages)."),
    filter_parameter("partner", "An organising partner's slug in the list's language."),
    filter_parameter("city", "The city of the venue (any case)."),
    filter_parameter("month", "Events starting in this month.", pattern=r"^\d{4}-\d{2}$"),
    filter_parameter(
        "language",
        "The language the event is held in; bilingual events match both.",
        enum=[code for code, _label in LANGUAGE_OPTIONS],
    ),
]


@extend_schema_view(
    list=list_schema(
        serializers.EventSerializer,
        "Events",
        "The calendar of one language, with the calendar's filters. A value the calendar does "
        "not offer gives 400 naming the parameter.",
        EVENT_PARAMETERS,
    ),
    retrieve=detail_schema(serializers.EventSerializer, "One event"),
)
class EventViewSet(PublicPageViewSet):
    model = EventPage
    serializer_class = serializers.EventSerializer

    @staticmethod
    def calendar(locale, params=None, past=False):
        # The calendar's filter form needs a calendar page only for its language and its events
        # (every visible event of the language, wherever filed): an unsaved one of the language
        # stands in, so the API does not depend on where the calendar page sits in the tree.
        return EventFilter(EventIndexPage(locale=locale), params or QueryDict(), past=past)

    def listing(self, locale):
        params = self.request.query_params
        past = one_of(params, "period", PERIODS, "upcoming") == "past"
        return validated(self.calendar(locale, params, past), params).listing()

    def with_related(self, pages):
        return pages.for_listing().select_related("program").prefetch_related("topics")

    def related_context(self, pages, locale):
        options = self.calendar(locale).calendar
        programs = {
            options.program_targets[slug].translation_key: {"slug": slug, "title": title}
            for slug, title in options.programs
        }
        attach_lead_organisers(pages, options.organisers)
        return {
            **super().related_context(pages, locale),
            "programs": programs,
            "localize_topic": Topic.localizer(locale),
        }


@extend_schema_view(
    list=list_schema(
        serializers.PartnerSerializer,
        "Partners",
        "The partner institutions, by name, with the partner overview's filters.",
        [
            LANG_PARAMETER,
            filter_parameter("role", "The role in the network.", enum=PartnerRole.values),
            filter_parameter("city", "The partner's city, as written in the list's language."),
            filter_parameter("field", "A field of action's slug (the same in both languages)."),
        ],
    ),
    retrieve=detail_schema(serializers.PartnerSerializer, "One partner"),
)
class PartnerViewSet(PublicPageViewSet):
    model = PartnerPage
    serializer_class = serializers.PartnerSerializer

    def listing(self, locale):
        params = self.request.query_params
        partners = visible_to_public(PartnerPage.objects.filter(locale=locale))
        return validated(PartnerFilter(params, partners, locale=locale), params).listing()

    def with_related(self, pages):
        return pages.select_related("logo").prefetch_related("fields_of_action", "logo__renditions")

    def related_context(self, pages, locale):
        return {
            **super().related_context(pages, locale),
            "localize_field": FieldOfAction.localizer(locale),
        }


@extend_schema_view(
    list=list_schema(
        serializers.ProgramSerializer,
        "Programs",
        "The programs in the order of the program overview.",
        [LANG_PARAMETER],
    ),
    retrieve=detail_schema(serializers.ProgramSerializer, "One program"),
)
class ProgramViewSet(PublicPageViewSet):
    model = ProgramPage
    serializer_class = serializers.ProgramSerializer

    def listing(self, locale):
        return visible_to_public(ProgramPage.objects.filter(locale=locale)).order_by("path")

    def with_related(self, pages):
        return pages.select_related("listing_image").prefetch_related("listing_image__renditions")


@extend_schema_view(
    list=list_schema(
        serializers.NewsSerializer,
        "News",
        "News of the network and its partners, newest first.",
        [LANG_PARAMETER],
    ),
    retrieve=detail_schema(serializers.NewsSerializer, "One news item"),
)
class NewsViewSet(PublicPageViewSet):
    model = NewsPage
    serializer_class = serializers.NewsSerializer

    def listing(self, locale):
        return visible_to_public(NewsPage.objects.filter(locale=locale)).order_by("-date", "-pk")

    def with_related(self, pages):
        return pages.select_related("image").prefetch_related("image__renditions")


# --- The schema and its docs page ----------------------------------------------------------------


class SchemaView(PublicAccess, SpectacularAPIView):
    """The OpenAPI 3 schema: YAML, or JSON with ?format=json."""


@extend_schema(exclude=True)
class DocsView(PublicAccess, SpectacularSwaggerSplitView):
    """Swagger UI from our own static files; its start script is a file of its own (?script), so
    the page needs neither inline scripts nor inline styles (the site's CSP allows neither)."""

    template_name = "api/docs.html"
    url_name = "api:schema"
    title = _("K3 KI.Kunst.Kultur – public API")
