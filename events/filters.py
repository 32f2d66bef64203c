"""The calendar's filters: read from the query string, checked against what exists, applied.

Only values offered in the form reach the database: anything else (unknown slugs, a 13th month,
NUL bytes, very long strings) is dropped with a note the reader sees, never an error.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.visibility import visible_to_public
from network.models import PartnerPage, ProgramPage
from taxonomy.models import Topic

from . import caching
from . import models as event_models
from .choices import EventFormat
from .models import LEAD_ORGANISER_FIELDS, Venue, attach_lead_organisers

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
MAX_VALUE_LENGTH = 200
# A feed holds the last weeks and what is coming, at most this many events: subscribed
# calendars poll often and must stay fast however large the archive grows.
FEED_LIMIT = 200
FEED_PAST_DAYS = 14
MONTHS_OFFERED = 12

FILTER_LABELS = {
    "program": gettext_lazy("Program"),
    "format": gettext_lazy("Format"),
    "topic": gettext_lazy("Topic"),
    "partner": gettext_lazy("Partner"),
    "city": gettext_lazy("City"),
    "month": gettext_lazy("Month"),
    "language": gettext_lazy("Language of the event"),
}
LANGUAGE_OPTIONS = [("de", gettext_lazy("German")), ("en", gettext_lazy("English"))]


class CountedPaginator(Paginator):
    """A paginator told the number of items, so it does not count them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


@dataclass
class Target:
    """What the queryset methods need of a program or partner page."""

    translation_key: str
    path: str = ""


@dataclass
class Filter:
    name: str
    label: str
    options: list  # (value, label) pairs
    selected: str = ""

    @property
    def selected_label(self):
        return dict(self.options).get(self.selected, self.selected)


class EventFilters:
    def __init__(self, index_page, params, past=False, now=None):
        self.index_page = index_page
        self.params = params
        self.now = now or event_models.current_time()
        self.past = past
        self.notes = []
        options = self.cached_options()
        self._programs, self._partners = options["program_targets"], options["partner_targets"]
        self._organisers = options["organisers"]
        self.filters = [
            Filter("program", FILTER_LABELS["program"], options["program"]),
            Filter("format", FILTER_LABELS["format"], list(EventFormat.choices)),
            Filter("topic", FILTER_LABELS["topic"], options["topic"]),
            Filter("partner", FILTER_LABELS["partner"], options["partner"]),
            Filter("city", FILTER_LABELS["city"], options["city"]),
            Filter("month", FILTER_LABELS["month"], self.month_options()),
            Filter("language", FILTER_LABELS["language"], list(LANGUAGE_OPTIONS)),
        ]
        for filter_ in self.filters:
            filter_.selected = self.read(filter_)

    # --- options, in the reader's language ---

    def cached_options(self):
        """Programs, topics, partners and cities of this language, kept until content changes."""
        return caching.cached(f"filter-options:{self.index_page.locale_id}", self.options)

    def options(self):
        return {
            "program": self.program_options(),
            "program_targets": self._programs,
            "topic": self.topic_options(),
            "partner": self.partner_options(),
            "partner_targets": self._partners,
            "organisers": self._organisers,
            "city": self.city_options(),
        }

    def program_options(self):
        # Plain rows, not page objects: the form needs slug and title, the filter the key.
        rows = (
            visible_to_public(ProgramPage.objects.filter(locale_id=self.index_page.locale_id))
            .order_by("path")
            .values_list("slug", "title", "translation_key")
        )
        self._programs = {slug: Target(translation_key=key) for slug, _title, key in rows}
        return [(slug, title) for slug, title, _key in rows]

    def topic_options(self):
        topics = Topic.objects.filter(locale_id=self.index_page.locale_id).order_by("name")
        return list(topics.values_list("slug", "name"))

    def partner_options(self):
        partners = (
            PartnerPage.objects.filter(locale_id=self.index_page.locale_id)
            .order_by("title")
            .only(*LEAD_ORGANISER_FIELDS, "slug", "translation_key", "live")
        )
        live = [partner for partner in partners if partner.live]
        self._partners = {
            p.slug: Target(translation_key=p.translation_key, path=p.path) for p in live
        }
        # Every partner, live or not, for the "Organised by" line of the events below them.
        self._organisers = {partner.path: partner for partner in partners}
        return [(partner.slug, partner.title) for partner in live]

    def city_options(self):
        cities = (
            Venue.objects.filter(locale_id=self.index_page.locale_id)
            .order_by("city")
            .values_list("city", flat=True)
            .distinct()
        )
        return [(city, city) for city in cities]

    def month_options(self):
        local = timezone.localtime(self.now)
        step = -1 if self.past else 1
        options = []
        year, month = local.year, local.month
        for _i in range(MONTHS_OFFERED):
            value = f"{year:04d}-{month:02d}"
            label = formats.date_format(datetime(year, month, 1), "YEAR_MONTH_FORMAT")
            options.append((value, label))
            month += step
            if month == 0:
                year, month = year - 1, 12
            elif month == 13:
                year, month = year + 1, 1
        return options

    # --- reading the query string ---

    def read(self, filter_):
        values = [value.strip() for value in self.params.getlist(filter_.name) if value.strip()]
        if not values:
            return ""
        value = values[-1]
        if len(set(values)) > 1:
            self.note(
                _("Only one value per filter: “%(filter)s” shows “%(value)s”.")
                % {"filter": filter_.label, "value": self.shown(value)}
            )
        if filter_.name == "month":
            return self.read_month(filter_, value)
        if filter_.name == "city":
            cities = {city.casefold(): city for city, _label in filter_.options}
            if value.casefold() in cities:
                return cities[value.casefold()]
        elif value in dict(filter_.options):
            return value
        self.ignored(filter_, value)
        return ""

    def read_month(self, filter_, value):
        match = MONTH_PATTERN.match(value)
        if match and 1 <= int(match[2]) <= 12 and 2000 <= int(match[1]) <= 2100:
            if value not in dict(filter_.options):
                # A valid month outside the offered range still works; the form shows it too.
                label = formats.date_format(
                    datetime(int(match[1]), int(match[2]), 1), "YEAR_MONTH_FORMAT"
                )
                filter_.options.append((value, label))
            return value
        self.ignored(filter_, value)
        return ""

    def ignored(self, filter_, value):
        self.note(
            _("“%(value)s” is not a valid value for “%(filter)s” and was ignored.")
            % {"value": self.shown(value), "filter": filter_.label}
        )

    def note(self, message):
        if message not in self.notes:
            self.notes.append(message)

    @staticmethod
    def shown(value):
        """The reader's value, made printable and short enough to repeat back."""
        printable = "".join(char for char in value if char.isprintable())
        return printable[:40] + ("…" if len(printable) > 40 else "")

    # --- applying ---

    @property
    def selected(self):
        return {f.name: f.selected for f in self.filters if f.selected}

    def apply(self, events):
        selected = self.selected
        if "program" in selected:
            events = events.for_program(self._programs[selected["program"]])
        if "format" in selected:
            events = events.with_format(selected["format"])
        if "topic" in selected:
            events = events.with_topic(selected["topic"])
        if "partner" in selected:
            events = events.for_partner(self._partners[selected["partner"]])
        if "city" in selected:
            events = events.in_city(selected["city"])
        if "month" in selected:
            year, month = (int(part) for part in selected["month"].split("-"))
            events = events.in_month(year, month)
        if "language" in selected:
            events = events.in_language(selected["language"])
        return events

    def filtered_events(self):
        return self.apply(self.index_page.events())

    def listing_events(self):
        events = self.filtered_events()
        events = events.past(self.now) if self.past else events.upcoming(self.now)
        return events.for_listing()

    def count(self):
        """How many events the listing holds, without counting them on every request."""
        name = f"{self.index_page.locale_id}?{self.query_string()}"
        upcoming, past = caching.count_events(name, self.filtered_events, self.now)
        return past if self.past else upcoming

    def feed_events(self):
        events = self.filtered_events()
        if "month" not in self.selected:
            # What is coming and what ended in the last weeks, soonest first.
            events = events.upcoming(self.now - timedelta(days=FEED_PAST_DAYS))
        events = events.order_by("start", "pk").for_feed()[:FEED_LIMIT]
        return attach_lead_organisers(events, self._organisers)

    # --- what the template gets ---

    def query_string(self, without=None, **extra):
        params = {name: value for name, value in self.selected.items() if name != without}
        params.update(extra)
        return urlencode(params)

    def with_query(self, url):
        query = self.query_string()
        return f"{url}?{query}" if query else url

    def listing(self, request):
        paginator = CountedPaginator(self.listing_events(), self.index_page.per_page, self.count())
        page = paginator.get_page(self.params.get("page"))
        page.object_list = attach_lead_organisers(page.object_list, self._organisers)
        calendar_url = self.index_page.get_url(request)
        archive_url = calendar_url + self.index_page.reverse_subpage("archive")
        base_url = archive_url if self.past else calendar_url
        feed_path = calendar_url + self.index_page.reverse_subpage("ical")
        feed_query = urlencode(self.selected)
        feed_url = request.build_absolute_uri(feed_path) + (f"?{feed_query}" if feed_query else "")
        return {
            "events": page,
            "filters": self.filters,
            "filter_notes": self.notes,
            "is_past": self.past,
            "active_filters": [
                {"filter": f, "remove_url": f"{base_url}?{self.query_string(without=f.name)}"}
                for f in self.filters
                if f.selected
            ],
            "page_query": self.query_string(),
            "view_url": base_url,
            "upcoming_url": self.with_query(calendar_url),
            "past_url": self.with_query(archive_url),
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        }
