"""A small calendar world built with the factories on top of `site`: the calendar page, two
partners, two programs, two topics and two venues.

The calendar's clock (`events.models.current_time`) stands still at NOW, a winter noon in
Berlin, so that what is upcoming and what is past does not depend on the day the tests run.
"""

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from core.factories import first_or_create, translate
from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from home.factories import bilingual_site
from network.factories import PartnerPageFactory, ProgramPageFactory
from network.models import ProgramKind
from taxonomy.factories import TopicFactory
from tests.conftest import refetched

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2027, 1, 15, 12, 0, tzinfo=BERLIN)


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr("events.models.current_time", lambda: NOW)
    return NOW


@pytest.fixture(scope="module")
def calendar_world(module_db):
    """Built once per test module (see tests/conftest.py::module_db)."""
    site = bilingual_site()

    def program(slug, kind):
        return ProgramPageFactory(title=f"Programm {slug}", slug=slug, kind=kind, intro="Intro")

    def partner(slug, city):
        return PartnerPageFactory(title=f"Partner {slug}", slug=slug, city=city)

    def venue(name, city):
        return VenueFactory(locale=site.de, name=name, address="Weg 1", postcode="", city=city)

    return SimpleNamespace(
        german=site.de,
        home=site.home_de,
        calendar=first_or_create(EventIndexPageFactory),
        academy=program("test-akademie", ProgramKind.AKADEMIE),
        education=program("test-weiterbildung", ProgramKind.CONTINUING_EDUCATION),
        alpha=partner("test-alpha", "Bochum"),
        beta=partner("test-beta", "Münster"),
        copyright=TopicFactory(locale=site.de, name="Testrecht", slug="test-recht"),
        tools=TopicFactory(locale=site.de, name="Testwerkzeuge", slug="test-tools"),
        bochum=venue("Testhalle", "Testhausen"),
        muenster=venue("Testsaal", "Testburg"),
    )


@pytest.fixture
def world(calendar_world, site, frozen_now):
    """The German calendar at /de/veranstaltungen/ and what its events refer to."""
    return refetched(calendar_world)


def add_event(world, title, start, end=None, parent=None, topics=(), co_organisers=(), **fields):
    """A published event, filed under partner alpha unless `parent` says otherwise; in person at
    the Bochum venue unless a `venue` or `format="online"` is given. Without `end` it ends when
    it starts."""
    fields.setdefault("intro", f"Über {title}.")
    fields.setdefault("venue", None if fields.get("format") == "online" else world.bochum)
    return EventPageFactory(
        parent=parent or world.alpha,
        title=title,
        start=start,
        end=end,
        topics=list(topics) or None,
        co_organisers=list(co_organisers) or None,
        **fields,
    )


@pytest.fixture
def make_event(world):
    """`add_event` in this test's world."""
    return lambda *args, **fields: add_event(world, *args, **fields)


@pytest.fixture
def english_calendar(world, make_event):
    """The calendar translated at /en/events/ with one event in both languages
    ("KI-Sprechstunde" / "AI consultation hour"), translated through wagtail-localize."""
    calendar_en = translate(world.calendar, "en", title="Events", slug="events")
    event = make_event("KI-Sprechstunde", berlin(2027, 2, 3, 16), berlin(2027, 2, 3, 17))
    event_en = translate(
        event,
        "en",
        title="AI consultation hour",
        slug="ai-consultation-hour",
        intro="About the AI consultation hour.",
    )
    return SimpleNamespace(calendar=calendar_en, event_de=event, event_en=event_en)
