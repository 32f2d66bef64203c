"""A small calendar world on top of the demo: two partners, two programs, topics, venues.

Tests freeze the calendar's clock (`events.models.current_time`) in 2031, after every demo event,
so upcoming listings contain only what a test creates.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, Venue
from home.models import HomePage
from network.choices import ProgramKind
from network.models import PartnerIndexPage, PartnerPage, ProgramIndexPage, ProgramPage
from taxonomy.models import Topic

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2031, 1, 15, 12, 0, tzinfo=BERLIN)


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


def _first_or_add(model, parent, **fields):
    existing = model.objects.filter(locale=parent.locale).first()
    if existing is not None:
        return existing
    page = model(**fields)
    parent.add_child(instance=page)
    return page


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr("events.models.current_time", lambda: NOW)
    return NOW


@pytest.fixture
def world(db, frozen_now):
    german = Locale.objects.get(language_code="de")
    home = HomePage.objects.get(locale=german)
    calendar = _first_or_add(EventIndexPage, home, title="Veranstaltungen", slug="veranstaltungen")
    program_index = _first_or_add(ProgramIndexPage, home, title="Programme", slug="programme-t")
    partner_index = _first_or_add(PartnerIndexPage, home, title="Netzwerk", slug="netzwerk-t")

    def program(slug, kind):
        page = ProgramPage(title=f"Programm {slug}", slug=slug, kind=kind, intro="Intro")
        program_index.add_child(instance=page)
        return page

    def partner(slug, city):
        page = PartnerPage(title=f"Partner {slug}", slug=slug, city=city)
        partner_index.add_child(instance=page)
        return page

    def venue(name, city):
        return Venue.objects.create(locale=german, name=name, address="Weg 1", city=city)

    return {
        "german": german,
        "home": home,
        "calendar": calendar,
        "academy": program("test-akademie", ProgramKind.AKADEMIE),
        "education": program("test-weiterbildung", ProgramKind.CONTINUING_EDUCATION),
        "alpha": partner("test-alpha", "Bochum"),
        "beta": partner("test-beta", "Münster"),
        "copyright": Topic.objects.create(locale=german, name="Testrecht", slug="test-recht"),
        "tools": Topic.objects.create(locale=german, name="Testwerkzeuge", slug="test-tools"),
        "bochum": venue("Testhalle", "Testhausen"),
        "muenster": venue("Testsaal", "Testburg"),
    }


@pytest.fixture
def make_event(world):
    def make(title, start, end=None, parent=None, topics=(), co_organisers=(), **fields):
        fields.setdefault("intro", f"Über {title}.")
        if fields.get("format", "in-person") != "online":
            fields.setdefault("venue", world["bochum"])
        event = EventPage(title=title, start=start, end=end, **fields)
        (parent or world["alpha"]).add_child(instance=event)
        if topics or co_organisers:
            event.topics.set(topics)
            event.co_organisers.set(co_organisers)
            event.save()
        return event

    return make
