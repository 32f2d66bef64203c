"""A small network built with the factories: three partners, two programs, four fellows.

Names, cities, cohorts and taxonomy slugs are ones the demo does not use, so the tests pass
with and without the session demo (K3_SESSION_DEMO=0).
"""

from types import SimpleNamespace

import pytest

from core.factories import first_or_create, translate
from home.factories import bilingual_site
from network.factories import (
    FellowIndexPageFactory,
    FellowProfilePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from network.models import PartnerRole, ProgramKind
from taxonomy.factories import ArtDisciplineFactory, FieldOfActionFactory
from tests.conftest import refetched


def _with_english(entry, name):
    translate(entry, "en", name=name)
    return entry


@pytest.fixture(scope="module")
def shared_network(module_db):
    """German overviews, programs, partners and fellows; taxonomy entries in both languages.
    Made once per test module (tests/conftest.py::module_db)."""
    bilingual_site()
    indexes = {
        "programs": first_or_create(ProgramIndexPageFactory),
        "partners": first_or_create(PartnerIndexPageFactory),
        "fellows": first_or_create(FellowIndexPageFactory),
    }
    archive = _with_english(
        FieldOfActionFactory(name="Archivarbeit", slug="archiv"), "Archive work"
    )
    audience = _with_english(
        FieldOfActionFactory(name="Publikumsentwicklung", slug="publikum"), "Audience development"
    )
    puppetry = _with_english(
        ArtDisciplineFactory(name="Puppenspiel", slug="puppenspiel"), "Puppetry"
    )
    circus = _with_english(ArtDisciplineFactory(name="Zirkus", slug="zirkus"), "Circus")

    academy = ProgramPageFactory(title="Sommerakademie", kind=ProgramKind.AKADEMIE, open_call=True)
    residencies = ProgramPageFactory(title="Residenzen Lippe", kind=ProgramKind.FELLOWSHIP)

    council = PartnerPageFactory(
        title="Kulturrat Kleve",
        city="Kleve",
        role=PartnerRole.CULTURAL_POLICY,
        fields_of_action=[archive, audience],
    )
    lead = PartnerPageFactory(
        title="Medienwerk Unna", city="Unna", role=PartnerRole.LEAD, fields_of_action=[archive]
    )
    example = PartnerPageFactory(title="Beispiel-Puppenhaus Lippstadt", city="Lippstadt")

    def fellow(title, parent, program, year, disciplines):
        return FellowProfilePageFactory(
            title=title, parent=parent, program=program, cohort_year=year, disciplines=disciplines
        )

    return SimpleNamespace(
        **indexes,
        archive=archive,
        audience=audience,
        puppetry=puppetry,
        circus=circus,
        academy=academy,
        residencies=residencies,
        council=council,
        lead=lead,
        example=example,
        jule=fellow("Jule Brandt", example, residencies, 2029, [puppetry]),
        noah=fellow("Noah Kessler", lead, residencies, 2030, [circus]),
        ines=fellow("Ines Roth", lead, academy, 2030, [circus, puppetry]),
        piet=fellow("Piet Sommer", lead, residencies, 2029, [circus]),
    )


@pytest.fixture
def network(shared_network, site):
    return refetched(shared_network)


def titles(response):
    """The titles a listing shows on this page, in order."""
    return [item.title for item in response.context["page_obj"].object_list]


def english_url(page):
    return page.get_translation(page.locale.__class__.objects.get(language_code="en")).url


@pytest.fixture
def network_en(shared_network_en, site):
    return refetched(shared_network_en)


@pytest.fixture(scope="module")
def shared_network_en(shared_network):
    """The network with English translations of every page (real ones, through wagtail-localize).

    A fixture of its own, once per module: translating is the slow part, and most tests read
    only German. Modules that use it see the translations in every test.
    """
    network = shared_network
    for index, title, slug in [
        (network.programs, "Programs", "programs"),
        (network.partners, "Network", "network"),
        (network.fellows, "Fellows", "fellows"),
    ]:
        translate(index, "en", title=title, slug=slug)
    translate(network.academy, "en", title="Summer academy")
    translate(network.residencies, "en", title="Lippe residencies")
    for page in (network.council, network.lead, network.example):
        translate(page, "en")
    for page in (network.jule, network.noah, network.ines, network.piet):
        translate(page, "en")
    return network
