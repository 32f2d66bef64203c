"""iCalendar (RFC 5545) for one event or a feed, built with the icalendar library.

The library escapes text (line breaks, commas, semicolons), so a title containing
"BEGIN:VEVENT" stays a title; we add the VTIMEZONE for Europe/Berlin and keep UIDs stable.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

from taxonomy.models import Topic

from .choices import EventFormat, EventStatus

ICAL_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}
PRODID = "-//K3 KI.Kunst.Kultur//K3 CMS//DE"


def event_uid(event):
    """The same in every feed and download, and for every language version of the event."""
    return f"event-{event.translation_key}@k3-nrw.de"


def event_location(event):
    parts = []
    if event.venue_id and event.format != EventFormat.ONLINE:
        venue = event.venue
        parts.append(", ".join([venue.name, " ".join(venue.address.split()), venue.locality]))
    if event.format != EventFormat.IN_PERSON:
        parts.append(event.online_url or _("Online"))
    return " / ".join(parts)


def event_summary(event):
    if event.status == EventStatus.SCHEDULED:
        return event.title
    return f"{event.get_status_display()}: {event.title}"


def event_description(event, url):
    lines = []
    if event.status_note:
        lines.append(event.status_note)
    lines.append(event.intro)
    organisers = event.organisers
    if organisers:
        lines.append(_("Organised by: %s") % ", ".join(o.title for o in organisers))
    if event.format != EventFormat.IN_PERSON and event.online_access:
        lines.append(event.online_access)
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def build_event(event, request, localize_topic):
    url = request.build_absolute_uri(event.get_url(request))
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add(
        "dtstamp", event.last_published_at or event.latest_revision_created_at or event.start
    )
    if event.all_day:
        vevent.add("dtstart", timezone.localtime(event.start).date())
        vevent.add("dtend", timezone.localtime(event.end).date() + timedelta(days=1))
    else:
        zone = timezone.get_default_timezone()
        vevent.add("dtstart", event.start.astimezone(zone))
        vevent.add("dtend", event.end.astimezone(zone))
    vevent.add("summary", vText(event_summary(event)))
    vevent.add("description", event_description(event, url))
    location = event_location(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    topics = [localize_topic(topic).name for topic in event.topics.all()]
    if topics:
        vevent.add("categories", topics)
    return vevent


def build_calendar(request, events, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    localize_topic = Topic.localizer()
    for event in events:
        calendar.add_component(build_event(event, request, localize_topic))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, events, filename, name):
    calendar = build_calendar(request, events, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
