from datetime import UTC, datetime, time
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import lookup_cache
from core.blocks import BaseStreamBlock
from core.models import BasePage, PaginatedListingMixin, lead_image_field
from core.translation import localize, localize_all
from core.visibility import first_visible, visible_to_public

from . import caching
from .choices import EventFormat, EventLanguage, EventStatus


def current_time():
    """The current time; one place for tests to replace."""
    return timezone.now()


# --- Snippets ----------------------------------------------------------------------------------


class Venue(TranslatableMixin, models.Model):
    """A place where events happen; translated like any other snippet.

    Registered in the admin by events.wagtail_hooks; who may change which venue is
    events.permissions.
    """

    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(
        _("address"),
        help_text=_("Street and number; further lines if needed. Postcode and city below."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, help_text=_("Used by the city filter."))
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Entrance, lift, accessible toilet, seating, quiet room, how to get there."),
    )
    partner = models.ForeignKey(
        "network.PartnerPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner"),
        help_text=_(
            "Whose editors may change this venue. Set when a partner editor adds it; "
            "empty: only the K3 editorial team."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("accessibility_notes"),
        # Partner editors' venues are theirs; only those who may change every venue reassign one.
        FieldPanel("partner", permission="events.change_venue"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("address"),
        SynchronizedField("postcode"),
        TranslatableField("city"),
        TranslatableField("accessibility_notes"),
        SynchronizedField("partner"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["city", "name"]
        permissions = [
            ("change_own_venue", _("Can change the venues of their own institution")),
        ]

    def __str__(self):
        return f"{self.name}, {self.city}"

    @property
    def locality(self):
        """Postcode and city, as on an envelope: "44147 Dortmund"."""
        return f"{self.postcode} {self.city}".strip()

    @property
    def map_url(self):
        """A search for the address on OpenStreetMap: a plain link, nothing is embedded."""
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        query = ", ".join([*lines, self.locality])
        return f"https://www.openstreetmap.org/search?{urlencode({'query': query})}"


@register_snippet
class EventSeries(TranslatableMixin, models.Model):
    """Several dates that belong together, e.g. a webinar series; its events link to each other."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["title"]

    def __str__(self):
        return self.title


# The languages a reader can filter by, and the stored values that match each.
LANGUAGE_FILTER_MATCHES = {
    "de": [EventLanguage.GERMAN, EventLanguage.BILINGUAL],
    "en": [EventLanguage.ENGLISH, EventLanguage.BILINGUAL],
}


# --- Queries -----------------------------------------------------------------------------------


def month_bounds(year, month):
    """Start and end (exclusive) of a calendar month in the site's time zone."""
    zone = timezone.get_default_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    following = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, following


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet (running ones included), soonest first."""
        now = now or current_time()
        events = self.filter(end__gte=now)
        longest = caching.longest_event_duration()
        if longest is not None:
            # Changes nothing in the result (no event that is still running began earlier),
            # but the database reads the start index from here instead of skipping the archive.
            # In UTC: subtracting from a Berlin time counts wall-clock hours, an hour short
            # across the spring clock change.
            events = events.filter(start__gte=now.astimezone(UTC) - longest)
        return events.order_by("start", "pk")

    def past(self, now=None):
        """Events that have ended, latest first."""
        now = now or current_time()
        # start < now follows from end < now; it lets the start index skip what is to come.
        return self.filter(end__lt=now, start__lt=now).order_by("-start", "-pk")

    def for_program(self, program):
        # English events keep pointing at the German program (page keys are synchronised),
        # so match every translation of it.
        return self.filter(program__translation_key=program.translation_key)

    def for_partner(self, partner):
        """Events the partner leads (they live below its page) or co-organises."""
        co_organised = EventPage.co_organisers.through.objects.filter(
            partnerpage__translation_key=partner.translation_key
        ).values("eventpage_id")
        return self.filter(Q(path__startswith=partner.path) | Q(pk__in=co_organised))

    def with_topic(self, slug):
        # EXISTS rather than IN: the database can then walk the listing in date order and stop
        # after a page of hits (SQLite would otherwise fetch and sort every tagged event).
        tagged = EventPage.topics.through.objects.filter(
            eventpage_id=OuterRef("pk"), topic__slug=slug
        )
        return self.filter(Exists(tagged))

    def with_format(self, event_format):
        return self.filter(format=event_format)

    def in_city(self, city):
        return self.filter(venue__city__iexact=city)

    def in_language(self, language):
        return self.filter(event_language__in=LANGUAGE_FILTER_MATCHES[language])

    def in_month(self, year, month):
        start, following = month_bounds(year, month)
        return self.filter(start__gte=start, start__lt=following)

    def for_listing(self):
        """What event cards render, fetched up front so a listing's queries do not grow."""
        return (
            self.select_related("venue", "locale", "image", "listing_image")
            .prefetch_related("image__renditions", "listing_image__renditions")
            .defer("body")
        )

    def for_feed(self):
        """What calendar entries carry: topics as categories, co-organisers in the text."""
        return (
            self.select_related("venue", "locale")
            .defer("body")
            .prefetch_related("topics", "co_organisers")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


# What listings and feeds show of an event's lead organiser.
LEAD_ORGANISER_FIELDS = ("title", "path", "url_path", "city", "locale_id")


def attach_lead_organisers(events, partners=None):
    """Set `lead_organiser` on each event from one query for all their parents.

    `partners` (path → PartnerPage) spares the query when the caller has them already.
    """
    from network.models import PartnerPage

    events = list(events)
    if partners is None:
        parent_paths = {event.path[: -event.steplen] for event in events}
        partners = {
            partner.path: partner
            for partner in PartnerPage.objects.filter(path__in=parent_paths).only(
                *LEAD_ORGANISER_FIELDS
            )
        }
    for event in events:
        event.__dict__["lead_organiser"] = partners.get(event.path[: -event.steplen])
    return events


# --- Pages -------------------------------------------------------------------------------------


class EventPage(RoutablePageMixin, BasePage):
    """One event: a webinar, workshop, Akademie date or showing."""

    start = models.DateTimeField(
        _("start"), db_index=True, help_text=_("Date and time in German time (Europe/Berlin).")
    )
    end = models.DateTimeField(
        _("end"),
        db_index=True,
        help_text=_("When it ends. For all-day events, the last day."),
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Times are ignored; the event spans whole days.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Shown prominently on the page and in calendar feeds."),
    )
    status_note = models.CharField(
        _("status note"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the new date of a postponed event, or why it was cancelled."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("venue"),
        help_text=_("For events in person or hybrid."),
    )
    image = lead_image_field()
    online_access = models.TextField(
        _("online access"),
        blank=True,
        help_text=_("Platform and how to join, e.g. 'Zoom; the link comes with the confirmation'."),
    )
    online_url = models.URLField(
        _("online address"), blank=True, help_text=_("Public link to join or watch, if any.")
    )
    intro = models.TextField(_("introduction"), help_text=_("Two or three sentences."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    program = models.ForeignKey(
        "network.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("programme"),
    )
    co_organisers = ParentalManyToManyField(
        "network.PartnerPage",
        blank=True,
        related_name="+",
        verbose_name=_("co-organisers"),
        help_text=_("The lead organiser is the partner the event is filed under."),
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, verbose_name=_("topics"))
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("series"),
        help_text=_("Dates of one series link to each other."),
    )
    event_language = models.CharField(
        _("event language"),
        max_length=5,
        choices=EventLanguage.choices,
        default=EventLanguage.GERMAN,
        help_text=_("The language the event is held in."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_("Who it is for, e.g. 'staff of theatres and museums; no prior knowledge'."),
    )

    registration_url = models.URLField(_("registration link"), blank=True)
    registration_instructions = models.TextField(
        _("how to register"), blank=True, help_text=_("If there is no link, or in addition.")
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    places = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty if unlimited.")
    )
    fee = models.DecimalField(
        _("fee in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty if free of charge."),
    )
    fee_note = models.CharField(
        _("fee note"), max_length=255, blank=True, help_text=_("E.g. reductions.")
    )

    sign_language = models.BooleanField(_("sign language interpretation"), default=False)
    captions = models.BooleanField(_("live captions"), default=False)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    easy_language = models.BooleanField(_("easy language"), default=False)

    recording_url = models.URLField(_("recording"), blank=True, help_text=_("After the event."))
    slides = models.ForeignKey(
        "core.K3Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("slides"),
        help_text=_("After the event."),
    )

    objects = EventManager()

    template = "pages/event_page.html"
    parent_page_types = ["network.PartnerPage", "events.EventIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("audience"),
        index.FilterField("start"),
        index.FilterField("format"),
        index.FilterField("status"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            heading=_("Date and status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("online_access"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("program"),
                FieldPanel("co_organisers"),
                FieldPanel("series"),
                FieldPanel("topics"),
                FieldRowPanel([FieldPanel("event_language"), FieldPanel("audience")]),
            ],
            heading=_("Context"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_instructions"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("places")]),
                FieldRowPanel([FieldPanel("fee"), FieldPanel("fee_note")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("sign_language"),
                FieldPanel("captions"),
                FieldPanel("step_free_access"),
                FieldPanel("induction_loop"),
                FieldPanel("easy_language"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("slides")],
            heading=_("Materials afterwards"),
        ),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        self.normalise_times()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})
        if self.format != EventFormat.ONLINE and not self.venue and not self.online_access:
            raise ValidationError({"venue": _("Choose a venue for an event in person.")})

    def save(self, *args, **kwargs):
        # Also here, not only in clean(): events made in code (demo, imports) must store the
        # same whole-day span the editor's form would, or upcoming/past would disagree.
        self.normalise_times()
        return super().save(*args, **kwargs)

    def normalise_times(self):
        """All-day events span whole days in Berlin time; a missing end equals the start."""
        if self.start and not self.end:
            self.end = self.start
        if self.all_day and self.start and self.end:
            zone = timezone.get_default_timezone()
            first = timezone.localtime(self.start, zone).date()
            last = timezone.localtime(self.end, zone).date()
            self.start = datetime.combine(first, time.min, tzinfo=zone)
            self.end = datetime.combine(last, time(23, 59, 59), tzinfo=zone)

    # --- what templates and feeds read ---

    @cached_property
    def lead_organiser(self):
        from network.models import PartnerPage

        parent = self.get_parent()
        return parent.specific if isinstance(parent.specific, PartnerPage) else None

    @property
    def organisers(self):
        lead = self.lead_organiser
        return [lead, *self.co_organisers.all()] if lead else list(self.co_organisers.all())

    @property
    def card_image(self):
        """The picture of the event's cards: its listing image, else its page image."""
        return self.listing_image or self.image

    @property
    def page_image(self):
        """The picture at the top of the event's page: its image, else its listing image."""
        return self.image or self.listing_image

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_free(self):
        return not self.fee

    def is_upcoming(self, at=None):
        return self.end >= (at or current_time())

    @property
    def accessibility_features(self):
        fields = ("sign_language", "captions", "step_free_access", "induction_loop")
        return [
            self._meta.get_field(name).verbose_name
            for name in (*fields, "easy_language")
            if getattr(self, name)
        ]

    @cached_property
    def series_events(self):
        """The other dates of the series, in the same language tree."""
        if not self.series_id:
            return []
        series_keys = EventSeries.objects.filter(pk=self.series_id).values("translation_key")
        return list(
            visible_to_public(
                EventPage.objects.filter(
                    locale_id=self.locale_id, series__translation_key__in=series_keys
                )
            )
            .exclude(pk=self.pk)
            .order_by("start")
        )

    def get_cached_paths(self):
        """What a change purges besides the page (core.page_cache): its iCal file."""
        return ["/", "ical/"]

    def pages_showing_this(self):
        """The other dates of the series list this one (core.page_cache purges them too)."""
        return self.series_events

    # --- routes ---

    @path("")
    def event(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        from .ical import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics", name=self.title)

    def reader_facts(self, request):
        """Organisers, topics and programme in the page's language, as the page and its JSON-LD
        name them. The same for every reader of the published page, so kept like a look-up until
        content changes (core.lookup_cache); a preview works out its own from the draft."""

        def facts():
            return {
                "organisers": localize_all(
                    self.organisers, self.locale_id, fall_back_to_chosen=True
                ),
                "topics": localize_all(self.topics.all(), self.locale_id),
                "program": self.program_id
                and localize(self.program, self.locale_id, fall_back_to_chosen=True),
            }

        if getattr(request, "is_preview", False):
            return facts()
        return lookup_cache.cached(f"event-facts:{self.pk}", facts)

    def structured_data(self, request):
        from .structured_data import event_json_ld

        return [event_json_ld(self, request, self.reader_facts(request)["organisers"])]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.reader_facts(request))
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        context["calendar"] = self.calendar_page()
        return context

    def calendar_page(self):
        """The calendar of this event's language, wherever the event is filed (events live
        below their lead partner's page, so it is not necessarily the parent)."""
        return first_visible(EventIndexPage, self.locale_id)


class EventIndexPage(PaginatedListingMixin, RoutablePageMixin, BasePage):
    """The calendar: every event of the language, filterable, with iCal feeds."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = 12

    template = "pages/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("event calendar")

    def events(self):
        """Every live event of this page's language, wherever it is filed."""
        return visible_to_public(EventPage.objects.filter(locale_id=self.locale_id))

    def get_cached_paths(self):
        """What a change purges besides the calendar (core.page_cache; the VCL drops every
        filter's query string with it): the archive and the iCal feed."""
        return ["/", "archive/", "ical/"]

    @path("")
    def calendar(self, request):
        from .filters import EventFilter

        listing = EventFilter(self, request.GET)
        return self.render(request, context_overrides=listing.calendar_context(request))

    @path("archive/", name="archive")
    def archive(self, request):
        from .filters import EventFilter

        listing = EventFilter(self, request.GET, past=True)
        return self.render(request, context_overrides=listing.calendar_context(request))

    @path("ical/", name="ical")
    def feed(self, request):
        from .filters import EventFilter
        from .ical import calendar_response

        listing = EventFilter(self, request.GET)
        return calendar_response(
            request, listing.feed_events(), filename="k3-events.ics", name=self.title
        )
