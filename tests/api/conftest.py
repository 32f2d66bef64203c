"""A bilingual world for the API tests, built once per test module on the calendar world of the
events tests (tests/events/conftest.py): for each content type, pages readers may see and pages
they must never see, in both languages.

Visible: a page translated into English (`public`), one only aliased in English (`aliased`),
one whose English translation is a draft (`in_progress`: the English tree shows the German
text). Never visible: a draft, a page with a view restriction in both languages, and a page
under embargo (scheduled in German) whose English translation was published early. Their
titles hold HIDDEN_WORDS, which no API answer may contain.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.factories import alias_in, translate
from network.factories import PartnerPageFactory, ProgramPageFactory
from news.factories import NewsPageFactory
from tests.events import conftest as calendar_fixtures
from tests.events.conftest import add_event, berlin

frozen_now = calendar_fixtures.frozen_now
calendar_world = calendar_fixtures.calendar_world
world = calendar_fixtures.world
make_event = calendar_fixtures.make_event

HIDDEN_WORDS = ("GEHEIM", "SECRET")
KINDS = ("events", "partners", "programs", "news")


def maker(calendar_world, kind):
    """A function making one published German page of `kind` (`live=False`: a draft)."""

    def make(title, **fields):
        slug = fields.pop("slug", None)
        if kind == "events":
            return add_event(calendar_world, title, berlin(2027, 2, 10, 18), slug=slug, **fields)
        if kind == "partners":
            return PartnerPageFactory(title=title, slug=slug, city="Testdorf", **fields)
        if kind == "programs":
            return ProgramPageFactory(title=title, slug=slug, intro="Intro", **fields)
        return NewsPageFactory(title=title, slug=slug, date=datetime.date(2026, 11, 2), **fields)

    return make


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def build(calendar_world, kind):
    make = maker(calendar_world, kind)
    singular = kind.rstrip("s")
    pages = SimpleNamespace()

    pages.public = make(f"Öffentlich {kind}", slug=f"oeffentlich-{kind}")
    pages.public_en = translate(pages.public, "en", title=f"Public {kind}", slug=f"public-{kind}")
    pages.aliased = make(f"Nur deutsch {kind}", slug=f"nur-deutsch-{kind}")
    pages.aliased_en = alias_in(pages.aliased, "en")
    pages.in_progress = make(f"In Arbeit {kind}", slug=f"in-arbeit-{kind}")
    pages.in_progress_en = alias_in(pages.in_progress, "en")
    translate(pages.in_progress, "en", publish=False, title=f"SECRET draft translation {singular}")

    pages.draft = make(f"GEHEIM Entwurf {kind}", slug=f"entwurf-{kind}", live=False)
    pages.private = make(f"GEHEIM privat {kind}", slug=f"privat-{kind}")
    pages.private_en = translate(
        pages.private, "en", title=f"SECRET private {singular}", slug=f"private-{kind}"
    )
    restrict(pages.private)
    restrict(pages.private_en)
    pages.embargoed = make(f"GEHEIM Sperrfrist {kind}", slug=f"sperrfrist-{kind}", live=False)
    pages.embargoed.go_live_at = timezone.now() + datetime.timedelta(days=2)
    pages.embargoed.save_revision().publish()
    pages.embargoed.refresh_from_db()
    assert not pages.embargoed.live
    pages.embargoed_en = translate(
        pages.embargoed,
        "en",
        go_live_at=None,
        title=f"SECRET embargoed {singular}",
        slug=f"embargoed-{kind}",
    )
    assert pages.embargoed_en.live
    return pages


@pytest.fixture(scope="module")
def api_world(calendar_world):
    return {kind: build(calendar_world, kind) for kind in KINDS}


@pytest.fixture
def content(api_world, world):
    """{kind: pages} of this module's world, with the calendar's clock stopped (`world`)."""
    return api_world


def visible_ids(pages):
    return {pages.public.pk, pages.public_en.pk, pages.aliased.pk, pages.aliased_en.pk}


def hidden_ids(pages):
    return {
        pages.draft.pk,
        pages.private.pk,
        pages.private_en.pk,
        pages.embargoed.pk,
        pages.embargoed_en.pk,
    }
