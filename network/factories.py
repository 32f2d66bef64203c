"""Factories for programs, partners and fellows (see core.factories for the conventions)."""

from datetime import timedelta

import factory
from django.utils import timezone

from core.factories import BasePageFactory, first_or_create, many_to_many, site_root_page

from .models import (
    FellowIndexPage,
    FellowProfilePage,
    PartnerIndexPage,
    PartnerPage,
    ProgramIndexPage,
    ProgramKind,
    ProgramPage,
)


class ProgramIndexPageFactory(BasePageFactory):
    class Meta:
        model = ProgramIndexPage

    parent = factory.LazyFunction(site_root_page)
    title = "Programme"
    slug = "programme"


class ProgramPageFactory(BasePageFactory):
    class Meta:
        model = ProgramPage

    class Params:
        # A call for applications that opened yesterday and closes in four weeks.
        open_call = factory.Trait(
            call_title="Ausschreibung",
            call_opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
            call_deadline=factory.LazyFunction(lambda: timezone.now() + timedelta(days=28)),
        )

    parent = factory.LazyFunction(lambda: first_or_create(ProgramIndexPageFactory))
    title = factory.Sequence(lambda n: f"Programm {n}")
    kind = ProgramKind.FELLOWSHIP
    intro = "Was das Programm bietet."


class PartnerIndexPageFactory(BasePageFactory):
    class Meta:
        model = PartnerIndexPage

    parent = factory.LazyFunction(site_root_page)
    title = "Netzwerk"
    slug = "netzwerk"


class PartnerPageFactory(BasePageFactory):
    class Meta:
        model = PartnerPage

    parent = factory.LazyFunction(lambda: first_or_create(PartnerIndexPageFactory))
    title = factory.Sequence(lambda n: f"Partner {n}")
    city = "Dortmund"
    fields_of_action = many_to_many("fields_of_action")


class FellowIndexPageFactory(BasePageFactory):
    class Meta:
        model = FellowIndexPage

    parent = factory.LazyFunction(site_root_page)
    title = "Fellows"
    slug = "fellows"


class FellowProfilePageFactory(BasePageFactory):
    """A fellow below the fellow overview; pass `parent=partner` for a hosted one."""

    class Meta:
        model = FellowProfilePage

    parent = factory.LazyFunction(lambda: first_or_create(FellowIndexPageFactory))
    title = factory.Sequence(lambda n: f"Fellow {n}")
    cohort_year = factory.LazyFunction(lambda: timezone.localdate().year)
    project_title = factory.LazyAttribute(lambda fellow: f"Projekt von {fellow.title}")
    disciplines = many_to_many("disciplines")
