from django import template
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.html import format_html

from core import lookup_cache
from core.locales import active_locale
from core.visibility import first_visible, visible_to_public
from events import caching
from events.models import EventIndexPage, EventPage, attach_lead_organisers

register = template.Library()

DEFAULT_COUNT = 3


def _calendar_url(request, locale_id):
    calendar = first_visible(EventIndexPage, locale_id)
    return calendar.get_url(request) if calendar else ""


@register.simple_tag(takes_context=True)
def upcoming_events(context, program=None, partner=None, count=DEFAULT_COUNT, heading=""):
    """The next events of a program, of a partner, or of the whole network (home page).

    Uses the same queryset methods as the calendar, in the reader's language tree. The section is
    the same for every reader: rendered once until content changes or the first event shown ends
    (core.lookup_cache.cached_fragment).
    """
    request = context["request"]
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        locale_id = active_locale().pk
    count = max(1, int(count))
    section_id = getattr(page, "pk", "") or ""

    def render():
        events = visible_to_public(EventPage.objects.filter(locale_id=locale_id))
        if program is not None:
            events = events.for_program(program)
        if partner is not None:
            events = events.for_partner(partner)
        events = attach_lead_organisers(events.upcoming().for_listing()[:count])
        html = render_to_string(
            "components/events/upcoming_events.html",
            {
                "events": events,
                "heading": heading,
                "calendar_url": _calendar_url(request, locale_id) if events else "",
                "section_id": section_id,
                "request": request,
            },
        )
        return html, min((event.end for event in events), default=None)

    name = lookup_cache.fragment_name(
        request,
        "upcoming-events",
        locale_id,
        getattr(program, "pk", ""),
        getattr(partner, "pk", ""),
        count,
        section_id,
        heading,
    )
    return lookup_cache.cached_fragment(name, render)


def _calendar_fragment(request, kind, *parts):
    """A fragment of the calendar, kept until a page or what the calendar shows or filters by
    (venues, topics, series: events.caching) changes."""
    return lookup_cache.fragment_name(request, kind, caching.generation(), *parts)


@register.simple_tag(takes_context=True)
def event_cards(context, event_ids):
    """The cards of a page of the calendar (EventFilter.page gives the ids): the same for every
    reader of these events, so the events are fetched only to render them once."""
    request = context["request"]

    def render():
        found = EventPage.objects.filter(pk__in=event_ids).for_listing().in_bulk()
        events = attach_lead_organisers([found[pk] for pk in event_ids if pk in found])
        return render_to_string(
            "components/events/event_cards.html", {"events": events, "request": request}
        )

    ids = ",".join(map(str, event_ids))
    return lookup_cache.cached_fragment(_calendar_fragment(request, "event-cards", ids), render)


@register.simple_tag(takes_context=True)
def calendar_filter_form(context, form, url, active_filters):
    """The calendar's filter form (components/filter_form.html), the same for every reader of
    the same filters; a query with notes (a value not recognised) is rendered for its reader."""
    request = context["request"]

    def render():
        return render_to_string(
            "components/filter_form.html",
            {"form": form, "url": url, "active_filters": active_filters, "request": request},
        )

    if form.notes or form.errors:
        return render()
    name = _calendar_fragment(request, "filter-form", url, form.querystring())
    return lookup_cache.cached_fragment(name, render)


@register.simple_tag
def event_dates(event):
    """When an event takes place, as <time> elements in the reader's language and Berlin time.

    A tag rather than an include: it runs for every card of a listing.
    """
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    spans_days = start.date() != end.date()
    if event.all_day:
        dates = _time(start.date().isoformat(), _day(start))
        if spans_days:
            dates = format_html("{} – {}", dates, _time(end.date().isoformat(), _day(end)))
        return dates
    begins = _time(start.isoformat(), f"{_day(start)}, {_clock(start)}")
    ends = _time(end.isoformat(), f"{_day(end)}, {_clock(end)}" if spans_days else _clock(end))
    return format_html("{} – {}", begins, ends)


def _time(machine_readable, text):
    return format_html('<time datetime="{}">{}</time>', machine_readable, text)


def _day(moment):
    return formats.date_format(moment, "DATE_FORMAT")


def _clock(moment):
    return formats.time_format(moment, "TIME_FORMAT")
