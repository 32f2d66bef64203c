"""Home page sections, navigation and footer edited per language, news pages."""

import json

import pytest
from wagtail.models import Locale

from home.models import HomePage
from navigation.models import Navigation
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_home_sections_are_editor_chosen(client):
    home = HomePage.objects.get(locale__language_code="de")
    html = client.get("/de/").content.decode()
    assert "Drei Programme" in html and "Das Netzwerk" in html
    assert "KI-Akademie" in html  # programs filled automatically
    assert "K3 geht an den Start" in html or "KI-Akademie: Bewerbungen" in html  # latest news
    assert "Leichte Sprache" in html  # a featured page
    home.sections = json.dumps(
        [{"type": "latest_news", "value": {"heading": "Nur Neues", "count": 1}}]
    )
    home.save_revision().publish()
    html = client.get("/de/").content.decode()
    assert "Nur Neues" in html and "Drei Programme" not in html
    assert html.count('class="card"') == 1


def test_featured_pages_follow_the_reader(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/accessibility-statement/"' in html
    assert 'href="/en/leichte-sprache/"' in html


def test_navigation_and_footer_per_language(client):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/network/">Network</a>' in html
    assert "is funded by the Ministry of Culture and Science" in html
    english = Navigation.objects.get(locale=Locale.objects.get(language_code="en"))
    english.footer_text = "An edited English footer."
    english.save()
    assert "An edited English footer." in client.get("/en/").content.decode()
    assert "An edited English footer." not in client.get("/de/").content.decode()


def test_navigation_is_a_translatable_snippet_in_the_admin(admin_client):
    german = Navigation.objects.get(locale__language_code="de")
    response = admin_client.get(f"/admin/snippets/navigation/navigation/edit/{german.pk}/")
    assert response.status_code == 200


def test_news_page_shows_related_partners_and_programs_in_the_readers_language(client):
    html = client.get("/en/news/k3-launches/").content.decode()
    assert 'href="/en/network/kulturrat-nrw/"' in html
    assert 'href="/en/programs/ki-akademie/"' in html
    assert "Network" in html  # topic, in English
    german = NewsPage.objects.get(slug="k3-startet", locale__language_code="de")
    assert german.related_partners.count() == 3


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/snippets/network/topic/", "/admin/snippets/taxonomy/topic/"),
        (
            "/admin/snippets/network/fieldofaction/edit/7/",
            "/admin/snippets/taxonomy/fieldofaction/edit/7/",
        ),
        ("/admin/snippets/home/navigation/", "/admin/snippets/navigation/navigation/"),
    ],
)
def test_snippet_admin_addresses_from_before_the_move_redirect(client, old, new):
    response = client.get(old + "?locale=en")
    assert response.status_code == 302
    assert response["Location"] == new + "?locale=en"
