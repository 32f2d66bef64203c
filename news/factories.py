"""Factories for the news overview and news (see core.factories for the conventions)."""

import factory
from django.utils import timezone

from core.factories import BasePageFactory, first_or_create, many_to_many, site_root_page
from home.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(BasePageFactory):
    class Meta:
        model = NewsIndexPage

    parent = factory.LazyFunction(site_root_page)
    title = "Aktuelles"
    slug = "aktuelles"


class NewsPageFactory(BasePageFactory):
    """News below the news overview; pass `parent=partner` for a partner's own news."""

    class Meta:
        model = NewsPage

    parent = factory.LazyFunction(lambda: first_or_create(NewsIndexPageFactory))
    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = factory.LazyFunction(timezone.localdate)
    teaser = factory.LazyAttribute(lambda news: f"Kurz: {news.title}.")
    topics = many_to_many("topics")
    related_partners = many_to_many("related_partners")
    related_programs = many_to_many("related_programs")
