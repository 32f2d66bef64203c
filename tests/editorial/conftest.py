import pytest
from django.core import mail
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

from core.demo import child_page
from network.models import PartnerIndexPage, PartnerPage, ProgramPage

from .helpers import german, sync_spaces


def _partner(index, slug, title, city):
    return child_page(index, PartnerPage, slug, title=title, city=city)


@pytest.fixture
def partners(db):
    """Every German demo partner (at least two: made here if the demo has fewer), with its
    space synced."""
    de = german()
    found = list(PartnerPage.objects.filter(locale=de).order_by("path"))
    if len(found) < 2:
        home = Page.objects.get(depth=2, locale=de)
        index = PartnerIndexPage.objects.filter(locale=de).first() or child_page(
            home, PartnerIndexPage, "netzwerk", title="Netzwerk"
        )
        found = [
            _partner(index, "test-theater", "Testtheater Essen", "Essen"),
            _partner(index, "test-museum", "Testmuseum Köln", "Köln"),
        ]
        # The English tree gets its aliases, as the demo loader's locale synchronisation does.
        for sync in LocaleSynchronization.objects.all():
            sync.sync_trees()
    sync_spaces()
    return found


@pytest.fixture
def home_page():
    return Page.objects.get(depth=2, locale=german()).specific


@pytest.fixture
def program_page(home_page):
    page = ProgramPage.objects.filter(locale=german()).first()
    if page is not None:
        return page
    from network.models import ProgramIndexPage

    index = child_page(home_page, ProgramIndexPage, "programme", title="Programme")
    return child_page(
        index, ProgramPage, "ki-akademie", title="KI-Akademie", kind="akademie", intro="Intro."
    )


@pytest.fixture(autouse=True)
def _clear_mail():
    mail.outbox = []
