"""Factory for the navigation snippet: `NavigationFactory(main_pages=[...], footer_pages=[...])`."""

import factory

from core.factories import locale
from home.models import Navigation


def _links(pages):
    return [("link", {"page": page}) for page in pages]


class NavigationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Navigation

    class Params:
        main_pages = ()
        footer_pages = ()

    locale = factory.LazyFunction(locale)
    main_links = factory.LazyAttribute(lambda navigation: _links(navigation.main_pages))
    footer_text = "K3 wird gefördert vom Land Nordrhein-Westfalen."
    footer_links = factory.LazyAttribute(lambda navigation: _links(navigation.footer_pages))
