"""What every page keeps between requests (menu, footer, translations, breadcrumbs, view
restrictions, the site) shows an editor's change on the next request (core.lookup_cache)."""

import contextlib

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.factories import translate
from home.factories import StandardPageFactory
from navigation.factories import NavigationFactory
from navigation.models import Navigation

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site):
    about = StandardPageFactory(parent=site.home_de, title="Über uns", slug="ueber-uns")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    imprint = StandardPageFactory(parent=site.home_de, title="Impressum", slug="impressum")
    NavigationFactory(locale=site.de, main_pages=[about], footer_pages=[imprint])
    return about, team, imprint


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_renamed_page_shows_in_menu_footer_and_breadcrumbs_at_once(client, pages):
    about, team, imprint = pages
    assert "Über uns" in html(client, team.url)  # now in the cache
    about.title = "Wer wir sind"
    about.save_revision().publish()
    imprint.title = "Anbieterkennzeichnung"
    imprint.save_revision().publish()
    page = html(client, team.url)
    assert "Über uns" not in page
    assert page.count("Wer wir sind") >= 2  # menu and breadcrumbs
    assert "Anbieterkennzeichnung" in page


def test_an_unpublished_page_leaves_the_menu_at_once(client, pages):
    about, _team, imprint = pages
    assert "Über uns" in html(client, imprint.url)
    about.unpublish()
    assert "Über uns" not in html(client, imprint.url)


def test_a_changed_navigation_snippet_shows_at_once(client, site, pages):
    about, _team, imprint = pages
    html(client, imprint.url)
    extra = StandardPageFactory(parent=site.home_de, title="Kontakt", slug="kontakt")
    navigation = Navigation.objects.get(locale=site.de)
    navigation.main_links = [("link", {"page": about}), ("link", {"page": extra})]
    navigation.save()
    assert 'href="/de/kontakt/"' in html(client, imprint.url)


def test_a_view_restriction_applies_at_once(client, pages):
    about, team, imprint = pages
    assert client.get(team.url).status_code == 200
    assert "Über uns" in html(client, imprint.url)
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(team.url)
    assert response.status_code == 200 and "geheim" not in response.content.decode()
    assert 'name="password"' in response.content.decode()  # Wagtail's password form
    assert "Über uns" not in html(client, imprint.url)  # not in the menu any more


def test_a_published_translation_gets_its_hreflang_at_once(client, site, pages):
    _about, _team, imprint = pages
    assert '<link rel="alternate" hreflang="en"' not in html(client, imprint.url)
    translate(imprint, "en", title="Legal notice", slug="legal-notice")
    page = html(client, imprint.url)
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/legal-notice/"' in page
    assert 'href="/en/legal-notice/" hreflang="en"' in page  # the language switcher


def test_a_translation_waits_for_its_scheduled_source(client, site):
    source = StandardPageFactory(parent=site.home_de, title="Sperrfrist", slug="sperrfrist")
    english = translate(source, "en", title="Embargo", slug="embargo")
    assert client.get(english.url).status_code == 200
    source.unpublish()
    source.go_live_at = timezone.now() + timezone.timedelta(days=1)
    source.save_revision().publish()  # scheduled
    source.refresh_from_db()
    assert not source.live
    assert client.get(english.url).status_code == 404


def test_a_changed_address_routes_at_once(client, pages):
    about, team, _imprint = pages
    assert client.get("/de/ueber-uns/team/").status_code == 200  # the route is now kept
    team.slug = "menschen"
    team.save_revision().publish()
    assert client.get("/de/ueber-uns/team/").status_code == 404
    assert client.get("/de/ueber-uns/menschen/").status_code == 200
    about.unpublish()
    assert client.get("/de/ueber-uns/").status_code == 404


def test_routes_below_a_page_still_reach_the_page(client, site):
    from events.factories import EventPageFactory

    event = EventPageFactory(title="Abendkurs")
    assert client.get(event.url).status_code == 200
    response = client.get(f"{event.url}ical/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert client.get(f"{event.url}nirgendwo/").status_code == 404


def test_a_route_remembered_by_a_rolled_back_transaction_is_not_a_500(client, site):
    """A shared cache can keep what a transaction saw that never committed: the address then
    leads nowhere, and the reader gets the 404 Wagtail would give, not an error."""
    with contextlib.suppress(RuntimeError), transaction.atomic():
        StandardPageFactory(parent=site.home_de, title="Flüchtig", slug="fluechtig")
        assert client.get("/de/fluechtig/").status_code == 200
        raise RuntimeError("roll back")
    assert client.get("/de/fluechtig/").status_code == 404
