"""Factories for venues, series and events (see core.factories for the conventions).

Event times default to a week from the calendar's clock (`events.models.current_time`, which
tests may freeze), 18:00 to 20:00 Berlin time.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from core.factories import BasePageFactory, first_or_create, locale, many_to_many, site_root_page

from . import models
from .models import EventIndexPage, EventPage, EventSeries, Venue


def next_week_evening():
    start = timezone.localtime(models.current_time()) + timedelta(days=7)
    return start.replace(hour=18, minute=0, second=0, microsecond=0)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    locale = factory.LazyFunction(locale)
    name = factory.Sequence(lambda n: f"Veranstaltungsort {n}")
    address = "Hohe Straße 1"
    postcode = "44139"
    city = "Dortmund"


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    locale = factory.LazyFunction(locale)
    title = factory.Sequence(lambda n: f"Reihe {n}")


class EventIndexPageFactory(BasePageFactory):
    class Meta:
        model = EventIndexPage

    parent = factory.LazyFunction(site_root_page)
    title = "Veranstaltungen"
    slug = "veranstaltungen"


class EventPageFactory(BasePageFactory):
    """An in-person event at a new venue; `format="online", venue=None` for an online one."""

    class Meta:
        model = EventPage

    parent = factory.LazyFunction(lambda: first_or_create(EventIndexPageFactory))
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(next_week_evening)
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    intro = factory.LazyAttribute(lambda event: f"Worum es bei {event.title} geht.")
    venue = factory.SubFactory(VenueFactory)
    topics = many_to_many("topics")
    co_organisers = many_to_many("co_organisers")
