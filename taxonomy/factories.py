"""Factories for the taxonomy snippets; German entries by default, found again by slug."""

import factory
from django.utils.text import slugify

from core.factories import locale
from network.models import ArtDiscipline, FieldOfAction, Topic


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        # The demo and tests name entries by slug; asking twice gives the same entry.
        django_get_or_create = ("locale", "slug")

    locale = factory.LazyFunction(locale)
    slug = factory.LazyAttribute(lambda entry: slugify(entry.name))


class TopicFactory(TaxonomyFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Thema {n}")


class ArtDisciplineFactory(TaxonomyFactory):
    class Meta:
        model = ArtDiscipline

    name = factory.Sequence(lambda n: f"Sparte {n}")


class FieldOfActionFactory(TaxonomyFactory):
    class Meta:
        model = FieldOfAction

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
