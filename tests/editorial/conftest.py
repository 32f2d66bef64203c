"""Two partners of our own, with their spaces, built with the factories on top of `site`.

Titles and slugs are ones the demo does not use, so the tests pass with and without the
session demo (K3_SESSION_DEMO=0).
"""

import pytest
from django.core import mail

from core.factories import alias_in
from network.factories import PartnerPageFactory, ProgramPageFactory
from network.models import ProgramKind

from .helpers import sync_spaces


@pytest.fixture
def partners(site):
    """Two German partners, each with its English alias (as locale synchronisation makes it)
    and its partner space synced."""
    made = [
        PartnerPageFactory(title="Probebühne Wesel", slug="probebuehne-wesel", city="Wesel"),
        PartnerPageFactory(title="Probemuseum Xanten", slug="probemuseum-xanten", city="Xanten"),
    ]
    for partner in made:
        alias_in(partner, "en")
    sync_spaces()
    return made


@pytest.fixture
def home_page(site):
    return site.home_de


@pytest.fixture
def program_page(site):
    return ProgramPageFactory(
        title="Probeakademie", slug="probeakademie", kind=ProgramKind.AKADEMIE
    )


@pytest.fixture(autouse=True)
def _clear_mail():
    mail.outbox = []
