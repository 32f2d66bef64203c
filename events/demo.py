"""Demo builder for the calendar: venues, a webinar series and 40+ events in both languages.

Dates are relative to today, so the demo always has upcoming and past events. Events are filed
below the (example) partners that organise them, or below the calendar when no partners exist.
"""

import itertools
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from core.demo import child_page, translate_page
from core.translation import is_translated_into
from network.models import PartnerPage, ProgramPage, Topic

from .models import (
    EventFormat,
    EventIndexPage,
    EventLanguage,
    EventPage,
    EventSeries,
    EventStatus,
    Venue,
)

CALENDAR = {
    "title": ("Veranstaltungen", "Events"),
    "slug": ("veranstaltungen", "events"),
    "intro": (
        "Webinare, Workshops, Termine der KI-Akademie und Präsentationen der Fellows – "
        "offen für alle, die in Kunst und Kultur mit Künstlicher Intelligenz arbeiten wollen.",
        "Webinars, workshops, KI-Akademie dates and fellows' presentations – open to everyone in "
        "the arts and culture who wants to work with artificial intelligence.",
    ),
}

# (name, address, city, accessibility notes) in German, then in English; then the postcode.
VENUES = [
    (
        (
            "Akademie für Theater und Digitalität",
            "Speicherstraße 15",
            "Dortmund",
            "Stufenloser Zugang über den Hof, Aufzug zu allen Etagen, barrierefreies WC.",
        ),
        (
            "Academy for Theatre and Digitality",
            "Speicherstraße 15",
            "Dortmund",
            "Step-free access through the courtyard, lift to all floors, accessible toilet.",
        ),
        "44147",
    ),
    (
        (
            "Beispielhaus der Künste",
            "Musterweg 3",
            "Köln",
            "Zwei Stufen am Eingang, mobile Rampe auf Anfrage.",
        ),
        (
            "Example House of the Arts",
            "Musterweg 3",
            "Cologne",
            "Two steps at the entrance, mobile ramp on request.",
        ),
        "50667",
    ),
    (
        (
            "Werkstattbühne Beispielstadt",
            "Probengasse 7",
            "Düsseldorf",
            "Ebenerdig, Induktionsschleife im Saal.",
        ),
        (
            "Example Workshop Stage",
            "Probengasse 7",
            "Düsseldorf",
            "Ground floor, induction loop in the hall.",
        ),
        "40213",
    ),
]

SERIES = (
    (
        "KI-Sprechstunde",
        "Monatliche Online-Sprechstunde zu Fragen rund um KI im Kulturbetrieb.",
    ),
    (
        "AI consultation hour",
        "A monthly online consultation hour on AI questions in cultural institutions.",
    ),
)

# German title, English title, German intro, English intro, program kind, topic slugs (if they
# exist), format, language.
EVENT_TYPES = [
    (
        "Urheberrecht und KI-generierte Werke",
        "Copyright and AI-generated works",
        "Wem gehört, was eine KI erzeugt? Ein Überblick über die Rechtslage für Kulturbetriebe.",
        "Who owns what an AI produces? An overview of the legal situation for cultural institutions.",
        "weiterbildung",
        ["urheberrecht", "recht"],
        EventFormat.ONLINE,
        EventLanguage.GERMAN,
    ),
    (
        "Social Media mit KI-Werkzeugen",
        "Social media with AI tools",
        "Texte, Bilder und Planung für Social Media – was KI-Werkzeuge leisten und wo ihre Grenzen liegen.",
        "Texts, images and planning for social media – what AI tools can do and where their limits are.",
        "weiterbildung",
        ["social-media", "ki-werkzeuge"],
        EventFormat.ONLINE,
        EventLanguage.GERMAN,
    ),
    (
        "Förderanträge für KI-Projekte",
        "Funding applications for AI projects",
        "Wie Sie ein KI-Vorhaben in Kunst und Kultur überzeugend beantragen.",
        "How to apply convincingly for an AI project in the arts and culture.",
        "weiterbildung",
        ["foerderung"],
        EventFormat.HYBRID,
        EventLanguage.GERMAN,
    ),
    (
        "Workshop: Sprachmodelle in der Dramaturgie",
        "Workshop: language models in dramaturgy",
        "Ein praktischer Tag mit Sprachmodellen in der Stückentwicklung.",
        "A practical day with language models in devising theatre.",
        "akademie",
        ["ki-werkzeuge"],
        EventFormat.IN_PERSON,
        EventLanguage.GERMAN,
    ),
    (
        "Akademie-Modul: Daten, Ethik, Verantwortung",
        "Akademie module: data, ethics, responsibility",
        "Modul der KI-Akademie über Datenschutz, Fairness und Verantwortung beim Einsatz von KI.",
        "A KI-Akademie module on data protection, fairness and responsibility in using AI.",
        "akademie",
        ["ethik"],
        EventFormat.IN_PERSON,
        EventLanguage.BILINGUAL,
    ),
    (
        "Fellowship-Präsentation: Werkstattberichte",
        "Fellowship presentation: reports from the studio",
        "Die KI-Fellows zeigen, woran sie arbeiten, und sprechen mit dem Publikum.",
        "The KI-Fellows show what they are working on and talk with the audience.",
        "fellowship",
        [],
        EventFormat.HYBRID,
        EventLanguage.BILINGUAL,
    ),
    (
        "Webinar: Bildgeneratoren im Museum",
        "Webinar: image generators in the museum",
        "Chancen und Risiken generativer Bildwerkzeuge in der Vermittlung.",
        "Chances and risks of generative image tools in museum education.",
        "weiterbildung",
        ["ki-werkzeuge", "vermittlung"],
        EventFormat.ONLINE,
        EventLanguage.ENGLISH,
    ),
]

# Day offsets from today (negative: past). 7 types × 5 offsets = 35 events, + 6 series dates.
OFFSETS = [-75, -21, 9, 38, 80]
SERIES_OFFSETS = [-50, -20, 10, 40, 70, 100]


def build(demo):
    home = demo.pages.get("home")
    calendar = child_page(
        home,
        EventIndexPage,
        CALENDAR["slug"][0],
        title=CALENDAR["title"][0],
        intro=CALENDAR["intro"][0],
        show_in_menus=True,
    )
    demo.pages["events"] = calendar
    if not is_translated_into(calendar, demo.english):
        translate_page(calendar, demo.english, _pairs(CALENDAR), user=demo.admin)

    venues = [_venue(demo, *venue) for venue in VENUES]
    series = _series(demo)
    partners = list(
        PartnerPage.objects.live().filter(locale=demo.german).order_by("-is_example", "path")
    )
    programs = {p.kind: p for p in ProgramPage.objects.live().filter(locale=demo.german)}
    topics = {t.slug: t for t in Topic.objects.filter(locale=demo.german)}
    parents = itertools.cycle(partners or [calendar])
    today = timezone.localdate()

    number = 0
    for kind_index, event_type in enumerate(EVENT_TYPES):
        for _offset_index, offset in enumerate(OFFSETS):
            number += 1
            _event(
                demo,
                parent=next(parents),
                number=number,
                event_type=event_type,
                day=today + timedelta(days=offset + kind_index),
                variant=number,
                venue=venues[number % len(venues)],
                programs=programs,
                topics=topics,
                co_organiser=partners[(number * 5) % len(partners)] if partners else None,
            )
    for offset in SERIES_OFFSETS:
        number += 1
        _series_event(demo, calendar, partners, number, today + timedelta(days=offset), series)
    demo.log(f"Calendar ready: {EventPage.objects.filter(locale=demo.german).count()} events.")


def _pairs(fields):
    return dict(fields.values())


def _venue(demo, german, english, postcode):
    name, address, city, notes = german
    venue = Venue.objects.filter(locale=demo.german, name=name).first()
    if venue is None:
        venue = Venue.objects.create(
            locale=demo.german,
            name=name,
            address=address,
            postcode=postcode,
            city=city,
            accessibility_notes=notes,
        )
    if not Venue.objects.filter(translation_key=venue.translation_key, locale=demo.english):
        translate_page(venue, demo.english, dict(zip(german, english, strict=True)))
    return venue


def _series(demo):
    (title, description), (title_en, description_en) = SERIES
    series = EventSeries.objects.filter(locale=demo.german, title=title).first()
    if series is None:
        series = EventSeries.objects.create(
            locale=demo.german, title=title, description=description
        )
    if not EventSeries.objects.filter(translation_key=series.translation_key, locale=demo.english):
        translate_page(series, demo.english, {title: title_en, description: description_en})
    return series


def _at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


def _event(demo, parent, number, event_type, day, variant, venue, programs, topics, co_organiser):
    title_de, title_en, intro_de, intro_en, kind, topic_slugs, event_format, language = event_type
    status = {
        3: EventStatus.CANCELLED,
        11: EventStatus.FULLY_BOOKED,
        17: EventStatus.POSTPONED,
        24: EventStatus.MOVED_ONLINE,
        31: EventStatus.CANCELLED,
    }.get(variant, EventStatus.SCHEDULED)
    in_person = event_format != EventFormat.ONLINE
    if status == EventStatus.MOVED_ONLINE:
        event_format = EventFormat.ONLINE
    all_day = event_format == EventFormat.IN_PERSON and variant % 2 == 0
    status_notes = {
        EventStatus.CANCELLED: (
            "Die Veranstaltung entfällt leider.",
            "Unfortunately the event is cancelled.",
        ),
        EventStatus.POSTPONED: (
            "Ein neuer Termin wird bekannt gegeben.",
            "A new date will be announced.",
        ),
        EventStatus.MOVED_ONLINE: (
            "Die Veranstaltung findet nur online statt.",
            "The event takes place online only.",
        ),
    }
    note_de, note_en = status_notes.get(status, ("", ""))
    online = event_format != EventFormat.IN_PERSON
    online_de = "Zoom; den Link erhalten Sie mit der Anmeldebestätigung." if online else ""
    online_en = "Zoom; you receive the link with your registration." if online else ""
    audience_de = "Mitarbeitende in Kultureinrichtungen, Künstler*innen; ohne Vorkenntnisse"
    audience_en = "Staff of cultural institutions, artists; no prior knowledge needed"
    slug_de = f"{slugify(title_de)}-{number}"
    slug_en = f"{slugify(title_en)}-{number}"
    fields = {
        "title": title_de,
        "start": _at(day, 10 if all_day else 16),
        "end": _at(day, 17 if all_day else 18),
        "all_day": all_day,
        "status": status,
        "status_note": note_de,
        "format": event_format,
        "venue": venue if in_person and event_format != EventFormat.ONLINE else None,
        "online_access": online_de,
        "intro": intro_de,
        "program": programs.get(kind),
        "event_language": language,
        "audience": audience_de,
        "registration_url": "https://example.org/anmeldung",
        "registration_deadline": _at(day - timedelta(days=3), 23, 59),
        "places": 20 + variant % 4 * 10,
        "fee": Decimal("25.00") if variant % 5 == 0 else None,
        "sign_language": variant % 3 == 0,
        "captions": online,
        "step_free_access": in_person and venue.city == "Dortmund",
        "recording_url": "https://example.org/aufzeichnung" if day < timezone.localdate() else "",
    }
    event = child_page(parent, EventPage, slug_de, **fields)
    wanted = [topics[slug] for slug in topic_slugs if slug in topics]
    co_organisers = [co_organiser] if co_organiser and co_organiser.pk != parent.pk else []
    co_organisers = co_organisers if variant % 4 == 0 else []
    # Only on the first run: a second run must not publish new revisions.
    if (wanted or co_organisers) and not event.topics.exists() and not event.co_organisers.exists():
        event.topics.set(wanted)
        event.co_organisers.set(co_organisers)
        event.save_revision().publish()
    _translate(
        demo,
        event,
        {
            title_de: title_en,
            slug_de: slug_en,
            intro_de: intro_en,
            note_de: note_en,
            online_de: online_en,
            audience_de: audience_en,
        },
    )


def _series_event(demo, calendar, partners, number, day, series):
    parent = partners[0] if partners else calendar
    index = SERIES_OFFSETS.index((day - timezone.localdate()).days) + 1
    title_de = f"KI-Sprechstunde {index}: Ihre Fragen"
    title_en = f"AI consultation hour {index}: your questions"
    intro_de = "Bringen Sie Ihre Fragen zu KI im eigenen Haus mit – wir antworten live."
    intro_en = "Bring your questions about AI in your institution – we answer live."
    access_de = "BigBlueButton; der Link steht am Tag der Sprechstunde hier."
    access_en = "BigBlueButton; the link appears here on the day."
    slug_de = f"ki-sprechstunde-{index}"
    event = child_page(
        parent,
        EventPage,
        slug_de,
        title=title_de,
        start=_at(day, 12),
        end=_at(day, 13),
        format=EventFormat.ONLINE,
        online_access=access_de,
        intro=intro_de,
        series=series,
        event_language=EventLanguage.GERMAN,
        registration_instructions="Keine Anmeldung nötig." if index != 4 else "",
        captions=True,
        status=EventStatus.CANCELLED if index == 4 else EventStatus.SCHEDULED,
    )
    english = {
        title_de: title_en,
        slug_de: f"ai-consultation-hour-{index}",
        intro_de: intro_en,
        access_de: access_en,
        "Keine Anmeldung nötig.": "No registration needed.",
    }
    _translate(demo, event, english)


def _translate(demo, event, english):
    parent = event.get_parent()
    if (
        is_translated_into(event, demo.english)
        or parent.get_translation_or_none(demo.english) is None
    ):
        return  # untranslated parents: the event becomes an alias when the trees are synced
    translate_page(event, demo.english, {k: v for k, v in english.items() if k}, user=demo.admin)
