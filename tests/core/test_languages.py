"""Public URLs live under /de/ or /en/; the reader gets their language, German by default."""

import re

import pytest

pytestmark = pytest.mark.django_db


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
def test_home_pages_answer_in_their_language(client, language):
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


def test_language_switcher_leads_to_the_translation(client):
    html = client.get("/de/impressum/").content.decode()
    assert 'href="/en/legal-notice/" hreflang="en"' in html
    html = client.get("/en/legal-notice/").content.decode()
    assert 'href="/de/impressum/" hreflang="de"' in html


def test_hreflang_alternates_list_translations_and_x_default(client):
    html = client.get("/en/privacy-policy/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates["de"].endswith("/de/datenschutz/")
    assert alternates["en"].endswith("/en/privacy-policy/")
    assert alternates["x-default"].endswith("/de/datenschutz/")


def test_base_template_has_skip_link_and_legal_footer(client):
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert '<main id="main"' in html
    for title in ("Legal notice", "Privacy policy", "Accessibility statement"):
        assert f">{title}</a>" in html
    german = client.get("/de/").content.decode()
    assert "Zum Inhalt springen" in german
    for title in ("Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"):
        assert f">{title}</a>" in german


def test_public_pages_load_nothing_from_other_hosts(client):
    for url in ("/de/", "/en/", "/de/impressum/", "/en/nope/"):
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
