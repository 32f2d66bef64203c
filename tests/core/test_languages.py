"""Public URLs live under /de/ or /en/; the reader gets their language, German by default."""

import re
from types import SimpleNamespace

import pytest

from core.factories import translate
from home.factories import StandardPageFactory
from navigation.factories import NavigationFactory
from navigation.models import Navigation

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal_pages(site):
    """A legal notice and a privacy page in both languages, linked from the footer of every
    navigation entry (the session demo has its own; the footer then lists these instead)."""
    notice = StandardPageFactory(parent=site.home_de, title="Rechtliches", slug="rechtliches")
    privacy = StandardPageFactory(
        parent=site.home_de, title="Datenschutzhinweise", slug="datenschutzhinweise"
    )
    pages = SimpleNamespace(
        notice=notice,
        notice_en=translate(notice, "en", title="Legal matters", slug="legal-matters"),
        privacy=privacy,
        privacy_en=translate(privacy, "en", title="Data protection", slug="data-protection"),
    )
    navigations = list(Navigation.objects.all()) or [NavigationFactory(locale=site.de)]
    for navigation in navigations:
        navigation.footer_links = [("link", {"page": page}) for page in (notice, privacy)]
        navigation.save()
    return pages


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en", "/en/"), ("en-GB,en;q=0.9", "/en/"), ("fr", "/de/"), ("de-DE", "/de/"), (None, "/de/")],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_pages_answer_in_their_language(client, site, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_missing_page_is_a_404_in_the_readers_language(client):
    english = client.get("/en/does-not-exist/")
    german = client.get("/de/gibt-es-nicht/")
    assert english.status_code == 404
    assert german.status_code == 404
    assert '<html lang="en">' in english.content.decode()
    assert "Page not found" in english.content.decode()
    assert '<html lang="de">' in german.content.decode()
    assert "Seite nicht gefunden" in german.content.decode()


def test_language_switcher_leads_to_the_translation(client, legal_pages):
    html = client.get(legal_pages.notice.url).content.decode()
    assert f'href="{legal_pages.notice_en.url}" hreflang="en"' in html
    html = client.get(legal_pages.notice_en.url).content.decode()
    assert f'href="{legal_pages.notice.url}" hreflang="de"' in html


def test_hreflang_alternates_list_translations_and_x_default(client, legal_pages):
    html = client.get(legal_pages.privacy_en.url).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates["de"].endswith(legal_pages.privacy.url)
    assert alternates["en"].endswith(legal_pages.privacy_en.url)
    assert alternates["x-default"].endswith(legal_pages.privacy.url)


def test_base_template_has_skip_link_and_legal_footer(client, legal_pages):
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert '<main id="main"' in html
    for title in ("Legal matters", "Data protection"):
        assert f">{title}</a>" in html
    german = client.get("/de/").content.decode()
    assert "Zum Inhalt springen" in german
    for title in ("Rechtliches", "Datenschutzhinweise"):
        assert f">{title}</a>" in german


def test_public_pages_load_nothing_from_other_hosts(client, legal_pages):
    for url in ("/de/", "/en/", legal_pages.notice.url, "/en/nope/"):
        html = client.get(url).content.decode()
        loaded = re.findall(
            r'<(?:script|img|iframe|source|link)\b[^>]*?(?:src|href)="([^"]+)"', html
        )
        assert loaded, url
        for address in loaded:
            own_site = address.startswith("http://testserver/")
            assert own_site or (address.startswith("/") and not address.startswith("//")), address


def test_public_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/de/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "Content-Security-Policy" not in client.get("/admin/login/").headers
