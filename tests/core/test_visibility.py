"""One "visible to the public" rule: a release under embargo stays out of every listing, search,
link and kit in both languages, even when its translation was published early."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.factories import K3DocumentFactory, K3ImageFactory, first_or_create, translate
from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from press.demo import minimal_pdf
from press.factories import PressReleasePageFactory, PressRoomPageFactory
from press.models import PressRoomPage
from tests.core.helpers import in_english
from tests.search.helpers import result_urls

pytestmark = pytest.mark.django_db

SECRET_WORD = "Quokkavertrag"


def schedule(page):
    """Publish `page` with a go-live time in two days: Wagtail keeps it not live until then."""
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def publish_translation(page, **fields):
    """The English translation of a German page, published now (go-live dates are not synced)."""
    english = translate(page, "en", go_live_at=None, **fields)
    assert english.live
    return english


@pytest.fixture
def secret_photo(site):
    return K3ImageFactory(
        title="Quokka beim Vertragsabschluss",
        credit="Foto: Geheim",
        description="Ein Quokka",
        file__filename="quokka.png",
    )


@pytest.fixture
def secret_document(site):
    return K3DocumentFactory(
        title="Quokka Faktenblatt",
        file__filename="quokka.pdf",
        file__data=minimal_pdf(["Sperrfrist"]),
    )


@pytest.fixture
def embargoed_release(secret_photo, secret_document):
    """A German release scheduled for later, its English translation published already; the
    press room in both languages."""
    room = first_or_create(PressRoomPageFactory)
    in_english(room, title="Press", slug="press")
    release = PressReleasePageFactory(
        parent=room,
        title=f"{SECRET_WORD} unterzeichnet",
        slug="quokkavertrag",
        lead=f"Der {SECRET_WORD} ist unterzeichnet.",
        date=datetime.date(2026, 6, 1),
        pdf_version=secret_document,
        photos=json.dumps(
            [
                {
                    "type": "photo",
                    "value": {"image": secret_photo.pk, "caption": "Quokka", "alt_text": ""},
                }
            ]
        ),
        live=False,
    )
    schedule(release)
    english = publish_translation(
        release,
        title=f"{SECRET_WORD} signed",
        slug="quokka-agreement",
        lead=f"The {SECRET_WORD} is signed.",
    )
    return release, english


def test_search_hides_an_embargoed_release_in_both_languages(client, embargoed_release):
    for language in ("en", "de"):
        response = client.get(f"/{language}/search/", {"q": SECRET_WORD})
        assert response.status_code == 200
        assert result_urls(response) == [], language
        html = response.content.decode()
        assert "unterzeichnet" not in html and "signed" not in html, language


def test_search_suggestions_do_not_reveal_an_embargoed_title(client, embargoed_release):
    response = client.get("/en/search/", {"q": "quokkavertrak"})
    assert SECRET_WORD.casefold() not in response.content.decode().casefold()


def test_press_rooms_and_their_kits_leave_out_an_embargoed_release(client, embargoed_release):
    release, english = embargoed_release
    for room in PressRoomPage.objects.all():
        html = client.get(room.url).content.decode()
        assert SECRET_WORD not in html, room.url
        kit = client.get(f"{room.url}press-kit/")
        assert kit.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(b"".join(kit.streaming_content)))
        names = archive.namelist()
        assert not any("quokka" in name for name in names), names
        assert "Quokka" not in archive.read("CREDITS.txt").decode()
    for page in (release, english):
        assert client.get(page.url).status_code == 404
        assert client.get(f"{page.url}press-kit/").status_code == 404


def test_news_listing_and_home_wait_for_the_source(client, site, embargoed_release):
    release, english_release = embargoed_release
    german_news_index = first_or_create(NewsIndexPageFactory)
    news_index = in_english(german_news_index, title="News", slug="news")
    news = NewsPageFactory(
        parent=german_news_index,
        title=f"{SECRET_WORD}: die Nachricht",
        slug="quokka-nachricht",
        date=datetime.date(2026, 6, 1),
        teaser="Bald.",
        live=False,
    )
    schedule(news)
    english_news = publish_translation(news, title=f"{SECRET_WORD}: the news", slug="quokka-news")
    assert client.get(english_news.url).status_code == 404  # any page type waits for its source

    english_home = site.home_en
    english_home.sections = json.dumps(
        [
            {"type": "latest_news", "value": {"heading": "Latest", "count": 12}},
            {
                "type": "featured_pages",
                "value": {"heading": "Featured", "pages": [release.pk, english_home.pk]},
            },
        ]
    )
    english_home.save_revision().publish()

    assert SECRET_WORD not in client.get(news_index.url).content.decode()
    home_html = client.get("/en/").content.decode()
    assert "Featured" in home_html and "Latest" in home_html
    assert SECRET_WORD not in home_html
    assert english_release.url not in home_html


def test_a_scheduled_translation_does_not_hide_its_live_source(client, site):
    german_news_index = first_or_create(NewsIndexPageFactory)
    news = NewsPageFactory(
        parent=german_news_index,
        title=f"{SECRET_WORD} live",
        slug="quokka-live",
        date=datetime.date(2026, 6, 1),
        teaser="Jetzt.",
    )
    english = translate(
        news, "en", publish=False, title=f"{SECRET_WORD} later", slug="quokka-later"
    )
    schedule(english)

    assert client.get(news.url).status_code == 200
    assert f"{SECRET_WORD} live" in client.get(german_news_index.url).content.decode()


def test_language_links_leave_out_a_translation_the_public_cannot_see(client, site):
    """hreflang and the language switcher offer only translations anyone may open."""
    page = StandardPageFactory(parent=site.home_de, title="Offene Seite", slug="offene-seite")
    english = publish_translation(page, title="Closed page", slug="closed-page")
    PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    html = client.get(page.url).content.decode()
    assert english.url not in html
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_the_home_pages_news_section_shows_the_translation_when_its_source_goes_live(
    client, site, monkeypatch
):
    """The section is rendered once and kept (core.lookup_cache.cached_fragment), but only until
    the next scheduled go-live: at that minute the translation appears without an edit."""
    news_index = first_or_create(NewsIndexPageFactory)
    in_english(news_index, title="News", slug="news")
    news = schedule(NewsPageFactory(parent=news_index, title="Quelle", slug="quelle", live=False))
    publish_translation(news, title=f"{SECRET_WORD}: the news", slug="quokka-news")
    english_home = site.home_en
    english_home.sections = json.dumps(
        [{"type": "latest_news", "value": {"heading": "Latest", "count": 3}}]
    )
    english_home.save_revision().publish()

    assert SECRET_WORD not in client.get("/en/").content.decode()
    assert SECRET_WORD not in client.get("/en/").content.decode()
    after_go_live = news.go_live_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: after_go_live)
    assert SECRET_WORD in client.get("/en/").content.decode()
