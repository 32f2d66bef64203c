"""The calendar's filters: a `ListingFilter` whose options and counts are cached per language.

Only values offered in the form reach the database: anything else (unknown slugs, a 13th month,
NUL bytes, very long strings) is dropped with a note the reader sees, never an error.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.filters import CountedPaginator, FilterChoiceField, ListingFilter
from core.visibility import visible_to_public
from network.models import PartnerPage, ProgramPage
from taxonomy.models import Topic

from . import caching
from . import models as event_models
from .choices import EventFormat
from .models import LEAD_ORGANISER_FIELDS, Venue, attach_lead_organisers

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
# A feed holds the last weeks and what is coming, at most this many events: subscribed
# calendars poll often and must stay fast however large the archive grows.
FEED_LIMIT = 200
FEED_PAST_DAYS = 14
MONTHS_OFFERED = 12
LANGUAGE_OPTIONS = [("de", _("German")), ("en", _("English"))]


@dataclass
class Target:
    """What the queryset methods need of a program or partner page."""

    translation_key: str
    path: str = ""


@dataclass
class CalendarOptions:
    """What the calendar of one language offers to filter by, and what applying a choice needs."""

    programs: list = field(default_factory=list)  # (slug, title)
    program_targets: dict = field(default_factory=dict)  # slug → Target
    topics: list = field(default_factory=list)  # (slug, name)
    partners: list = field(default_factory=list)  # (slug, title) of live partners
    partner_targets: dict = field(default_factory=dict)  # slug → Target
    organisers: dict = field(default_factory=dict)  # path → PartnerPage, live or not
    cities: list = field(default_factory=list)  # (city, city)


def calendar_options(locale_id):
    # Plain rows, not page objects: the form needs slug and title, the filter the key.
    programs = list(
        visible_to_public(ProgramPage.objects.filter(locale_id=locale_id))
        .order_by("path")
        .values_list("slug", "title", "translation_key")
    )
    partners = list(
        PartnerPage.objects.filter(locale_id=locale_id)
        .order_by("title")
        .only(*LEAD_ORGANISER_FIELDS, "slug", "translation_key", "live")
    )
    live_partners = [partner for partner in partners if partner.live]
    cities = (
        Venue.objects.filter(locale_id=locale_id)
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()
    )
    return CalendarOptions(
        programs=[(slug, title) for slug, title, _key in programs],
        program_targets={slug: Target(translation_key=key) for slug, _title, key in programs},
        topics=list(
            Topic.objects.filter(locale_id=locale_id).order_by("name").values_list("slug", "name")
        ),
        partners=[(partner.slug, partner.title) for partner in live_partners],
        partner_targets={
            p.slug: Target(translation_key=p.translation_key, path=p.path) for p in live_partners
        },
        # Every partner, live or not, for the "Organised by" line of the events below them.
        organisers={partner.path: partner for partner in partners},
        cities=[(city, city) for city in cities],
    )


def parse_month(value):
    """(year, month) of a "YYYY-MM" value within reason, else None."""
    match = MONTH_PATTERN.match(value or "")
    if match and 1 <= int(match[2]) <= 12 and 2000 <= int(match[1]) <= 2100:
        return int(match[1]), int(match[2])
    return None


def month_label(year, month):
    return formats.date_format(datetime(year, month, 1), "YEAR_MONTH_FORMAT")


class CityField(FilterChoiceField):
    """A city as offered, whatever the case the reader typed it in."""

    def to_python(self, value):
        value = super().to_python(value)
        return {str(city).casefold(): city for city, _label in self.choices}.get(
            value.casefold(), value
        )


class MonthField(FilterChoiceField):
    """Any real month; the coming (or past) twelve are offered."""

    def valid_value(self, value):
        return parse_month(value) is not None


class EventFilter(ListingFilter):
    program = FilterChoiceField(label=_("Programme"))
    format = FilterChoiceField(label=_("Format"))
    topic = FilterChoiceField(label=_("Topic"))
    partner = FilterChoiceField(label=_("Partner"))
    city = CityField(label=_("City"))
    month = MonthField(label=_("Month"))
    language = FilterChoiceField(label=_("Language of the event"))

    label = _("Filter events")
    submit_label = _("Show events")

    def __init__(self, index_page, data, *, past=False, now=None):
        self.index_page = index_page
        self.past = past
        self.now = now or event_models.current_time()
        # The same for every reader of a language until content changes.
        self.calendar = caching.cached(
            f"calendar-options:{index_page.locale_id}",
            lambda: calendar_options(index_page.locale_id),
        )
        super().__init__(
            data, index_page.events(), per_page=index_page.per_page, auto_id="filter-%s"
        )

    def options(self):
        return {
            "program": self.calendar.programs,
            "format": EventFormat.choices,
            "topic": self.calendar.topics,
            "partner": self.calendar.partners,
            "city": self.calendar.cities,
            "month": self.month_options(),
            "language": LANGUAGE_OPTIONS,
        }

    def month_options(self):
        local = timezone.localtime(self.now)
        step = -1 if self.past else 1
        options = []
        year, month = local.year, local.month
        for _i in range(MONTHS_OFFERED):
            options.append((f"{year:04d}-{month:02d}", month_label(year, month)))
            month += step
            if month == 0:
                year, month = year - 1, 12
            elif month == 13:
                year, month = year + 1, 1
        return options

    def clean_month(self):
        value = self.cleaned_data["month"]
        field_ = self.fields["month"]
        if value and value not in dict(field_.choices):
            # A valid month outside the offered range still works; the form shows it too.
            field_.choices = [*field_.choices, (value, month_label(*parse_month(value)))]
        return value

    # --- applying ---

    def filter_program(self, events, slug):
        return events.for_program(self.calendar.program_targets[slug])

    def filter_format(self, events, event_format):
        return events.with_format(event_format)

    def filter_topic(self, events, slug):
        return events.with_topic(slug)

    def filter_partner(self, events, slug):
        return events.for_partner(self.calendar.partner_targets[slug])

    def filter_city(self, events, city):
        return events.in_city(city)

    def filter_month(self, events, value):
        return events.in_month(*parse_month(value))

    def filter_language(self, events, language):
        return events.in_language(language)

    def ordered(self):
        """The filtered events, upcoming (soonest first) or past (latest first)."""
        events = super().listing()
        return events.past(self.now) if self.past else events.upcoming(self.now)

    def listing(self):
        return self.ordered().for_listing()

    def page(self, number):
        """One page of the calendar as event ids: its cards are a fragment that fetches the
        events only when it is rendered (events_tags.event_cards)."""
        ids = self.ordered().values_list("pk", flat=True)
        page_obj = CountedPaginator(ids, self.per_page, self.count()).get_page(number)
        page_obj.object_list = list(page_obj.object_list)
        return page_obj

    def count(self):
        """How many events the listing holds, without counting them on every request."""
        name = f"{self.index_page.locale_id}?{self.querystring()}"
        upcoming, past = caching.count_events(
            name, lambda: self.filter_queryset(self.queryset), self.now
        )
        return past if self.past else upcoming

    def prepare(self, events):
        return attach_lead_organisers(events, self.calendar.organisers)

    def feed_events(self):
        events = self.filter_queryset(self.queryset)
        if "month" not in self.active:
            # What is coming and what ended in the last weeks, soonest first.
            events = events.upcoming(self.now - timedelta(days=FEED_PAST_DAYS))
        events = events.order_by("start", "pk").for_feed()[:FEED_LIMIT]
        return attach_lead_organisers(events, self.calendar.organisers)

    # --- what the template gets ---

    def with_query(self, url):
        query = self.querystring()
        return f"{url}?{query}" if query else url

    def calendar_context(self, request):
        calendar_url = self.index_page.get_url(request)
        archive_url = calendar_url + self.index_page.reverse_subpage("archive")
        feed_path = calendar_url + self.index_page.reverse_subpage("ical")
        feed_url = self.with_query(request.build_absolute_uri(feed_path))
        return {
            **self.context(request, archive_url if self.past else calendar_url),
            "is_past": self.past,
            "upcoming_url": self.with_query(calendar_url),
            "past_url": self.with_query(archive_url),
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        }
