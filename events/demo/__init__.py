"""Demo builder for the calendar: venues, a webinar series and 40+ events (events.yaml).

Dates are relative to today, so the demo always has upcoming and past events. Events are filed
below the partners that organise them (invented example partners first), or below the calendar
when no partners exist.
"""

import itertools
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from core.demo import Bilingual, child_page, demo_data, demo_image, translate_once
from network.models import PartnerPage, ProgramPage
from taxonomy.demo import terms
from taxonomy.models import Topic

from ..choices import EventFormat, EventLanguage, EventStatus
from ..factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesFactory,
    VenueFactory,
)
from ..models import EventPage, EventSeries, Venue

DATA = demo_data(__package__, "events.yaml")


def build(demo):
    spec = DATA["calendar"]
    texts = Bilingual()
    calendar = child_page(
        demo.pages["home"],
        EventIndexPageFactory,
        texts.text(spec["slug"]),
        title=texts.text(spec["title"]),
        intro=texts.text(spec["intro"]),
        show_in_menus=True,
    )
    demo.pages["events"] = calendar
    translate_once(demo, calendar, texts.english)

    venues = [venue(demo, spec) for spec in DATA["venues"]]
    series = event_series(demo, DATA["series"])
    partners = sorted(
        PartnerPage.objects.live().filter(locale=demo.german).order_by("path"),
        key=lambda partner: not partner.slug.startswith("beispiel-"),
    )
    programs = {p.kind: p for p in ProgramPage.objects.live().filter(locale=demo.german)}
    topics = terms(demo, Topic)
    parents = itertools.cycle(partners or [calendar])
    today = timezone.localdate()

    number = 0
    for type_index, event_type in enumerate(DATA["event_types"]):
        picture = event_picture(event_type, type_index)
        for offset in DATA["days_from_today"]:
            number += 1
            event(
                demo,
                parent=next(parents),
                number=number,
                event_type=event_type,
                day=today + timedelta(days=offset + type_index),
                venue=venues[number % len(venues)],
                program=programs.get(event_type["program"]),
                topics=[topics[slug] for slug in event_type["topics"]],
                co_organiser=partners[(number * 5) % len(partners)] if partners else None,
                picture=picture,
            )
    for series_number, offset in enumerate(DATA["series"]["days_from_today"], start=1):
        series_event(
            demo,
            parent=partners[0] if partners else calendar,
            number=series_number,
            day=today + timedelta(days=offset),
            series=series,
        )
    demo.log(f"Calendar ready: {EventPage.objects.filter(locale=demo.german).count()} events.")


def venue(demo, spec):
    texts = Bilingual()
    name = texts.text(spec["name"])
    found = Venue.objects.filter(locale=demo.german, name=name).first()
    fields = {
        "address": texts.text(spec["address"]),
        "city": texts.text(spec["city"]),
        "accessibility_notes": texts.text(spec["accessibility_notes"]),
    }
    if found is None:
        found = VenueFactory(locale=demo.german, name=name, postcode=spec["postcode"], **fields)
    translate_once(demo, found, texts.english)
    return found


def event_series(demo, spec):
    texts = Bilingual()
    title = texts.text(spec["title"])
    description = texts.text(spec["description"])
    series = EventSeries.objects.filter(locale=demo.german, title=title).first()
    if series is None:
        series = EventSeriesFactory(locale=demo.german, title=title, description=description)
    translate_once(demo, series, texts.english)
    return series


def event_picture(event_type, type_index):
    """One generated picture per event type, shared by its dates (the series has none)."""
    title = event_type["title"]["de"]
    return demo_image(
        f"Veranstaltung {title}",
        f"Abstrakte Grafik aus farbigen Kreisen zur Veranstaltung „{title}“",
        seed=type_index + 3,
        kind="picture",
    )


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


def event(demo, parent, number, event_type, day, venue, program, topics, co_organiser, picture):
    """One event; its number varies status, format details, fee and accessibility."""
    texts = Bilingual()
    status = DATA["statuses"].get(number, EventStatus.SCHEDULED)
    event_format = event_type["format"]
    in_person = event_format != EventFormat.ONLINE
    if status == EventStatus.MOVED_ONLINE:
        event_format = EventFormat.ONLINE
    all_day = event_format == EventFormat.IN_PERSON and number % 2 == 0
    online = event_format != EventFormat.IN_PERSON
    title = texts.text(event_type["title"])
    slug = f"{slugify(title)}-{number}"
    texts.english[slug] = f"{slugify(texts.english[title])}-{number}"
    fields = {
        "title": title,
        "start": at(day, 10 if all_day else 16),
        "end": at(day, 17 if all_day else 18),
        "all_day": all_day,
        "status": status,
        "status_note": texts.text(DATA["status_notes"].get(status)),
        "format": event_format,
        "venue": venue if in_person and event_format != EventFormat.ONLINE else None,
        "online_access": texts.text(DATA["online_access"]) if online else "",
        "intro": texts.text(event_type["intro"]),
        "image": picture,
        "program": program,
        "event_language": event_type["language"],
        "audience": texts.text(DATA["audience"]),
        "registration_url": "https://example.org/anmeldung",
        "registration_deadline": at(day - timedelta(days=3), 23, 59),
        "places": 20 + number % 4 * 10,
        "fee": Decimal("25.00") if number % 5 == 0 else None,
        "sign_language": number % 3 == 0,
        "captions": online,
        "step_free_access": in_person and venue.city == "Dortmund",
        "recording_url": "https://example.org/aufzeichnung" if day < timezone.localdate() else "",
    }
    co_organisers = [co_organiser] if co_organiser and co_organiser.pk != parent.pk else []
    fields["co_organisers"] = co_organisers if number % 4 == 0 else []
    page = child_page(parent, EventPageFactory, slug, topics=topics, **fields)
    translate_event(demo, page, texts.english)


def series_event(demo, parent, number, day, series):
    spec = DATA["series"]["event"]
    texts = Bilingual()
    cancelled = number == spec["cancelled"]

    def numbered(text):
        return texts.text(
            {language: value.format(number=number) for language, value in text.items()}
        )

    page = child_page(
        parent,
        EventPageFactory,
        numbered(spec["slug"]),
        title=numbered(spec["title"]),
        start=at(day, 12),
        end=at(day, 13),
        format=EventFormat.ONLINE,
        venue=None,
        online_access=texts.text(spec["online_access"]),
        intro=texts.text(spec["intro"]),
        series=series,
        event_language=EventLanguage.GERMAN,
        registration_instructions=""
        if cancelled
        else texts.text(spec["registration_instructions"]),
        captions=True,
        status=EventStatus.CANCELLED if cancelled else EventStatus.SCHEDULED,
    )
    translate_event(demo, page, texts.english)


def translate_event(demo, page, english):
    parent = page.get_parent().get_translation_or_none(demo.english)
    if parent is None or parent.alias_of_id:
        # Untranslated parents (an alias once the trees are synced): the event becomes an alias.
        return
    translate_once(demo, page, english)
