"""Factories for the press room and press releases (see core.factories for the conventions)."""

import factory

from core.factories import BasePageFactory, first_or_create, site_root_page

from .models import PressReleasePage, PressRoomPage


class PressRoomPageFactory(BasePageFactory):
    class Meta:
        model = PressRoomPage

    parent = factory.LazyFunction(site_root_page)
    title = "Presse"
    slug = "presse"


class PressReleasePageFactory(BasePageFactory):
    class Meta:
        model = PressReleasePage

    parent = factory.LazyFunction(lambda: first_or_create(PressRoomPageFactory))
    title = factory.Sequence(lambda n: f"Pressemitteilung {n}")
    lead = "Wer, was, wann, wo – in zwei Sätzen."
