"""The design system's page chrome through HTTP (issue 15): the home page's hero image, the
funder's line and logo in the footer, and the pattern page."""

import re

import pytest

from core.factories import K3ImageFactory, translate
from navigation.factories import NavigationFactory
from network.factories import ProgramPageFactory

pytestmark = pytest.mark.django_db

FUNDING_LINE = (
    "Gefördert vom Ministerium für Kultur und Wissenschaft des Landes Nordrhein-Westfalen"
)


def hero(html):
    return html.split('<section class="hero">', 1)[1].split("</section>", 1)[0]


def test_the_hero_image_is_fetched_first_in_sizes_with_its_place_kept_and_its_credit(client, site):
    image = K3ImageFactory(
        title="Bühne",
        description="Eine Bühne im Gegenlicht",
        credit="Foto: Jana Beispiel",
        width=1600,
        height=1000,
        file__width=1600,
        file__height=1000,
    )
    site.home_de.hero_image = image
    site.home_de.save_revision().publish()

    section = hero(client.get("/de/").content.decode())
    img = re.search(r"<img [^>]*>", section).group(0)
    assert 'alt="Eine Bühne im Gegenlicht"' in img
    # Its box is known before it loads (no layout shift), the browser fetches it first, and a
    # phone picks a smaller file than a desktop.
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'fetchpriority="high"' in img
    assert "loading=" not in img
    assert re.search(r'srcset="[^"]+ 640w, [^"]+ 960w, [^"]+ 1280w"', img)
    assert "sizes=" in img
    assert "Foto: Jana Beispiel" in section


def test_the_english_hero_marks_the_german_alt_text(client, site):
    image = K3ImageFactory(description="Eine Bühne im Gegenlicht")
    site.home_de.hero_image = image
    site.home_de.save_revision().publish()
    site.home_en.hero_image = image
    site.home_en.save_revision().publish()

    img = re.search(r"<img [^>]*>", hero(client.get("/en/").content.decode())).group(0)
    assert 'lang="de"' in img


def test_without_a_hero_image_the_hero_shows_title_and_introduction(client, site):
    site.home_de.intro = "<p>K3 ist das NRW-Kompetenznetzwerk.</p>"
    site.home_de.save_revision().publish()

    response = client.get("/de/")
    assert response.status_code == 200
    section = hero(response.content.decode())
    assert "<h1>K3 KI.Kunst.Kultur</h1>" in section
    assert "K3 ist das NRW-Kompetenznetzwerk." in section
    assert "<img" not in section and "<figure" not in section


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]


def test_the_footer_shows_the_funding_line_and_logo_the_editors_set(client, site):
    logo = K3ImageFactory(
        title="Förderlogo", description="Ministerium für Kultur und Wissenschaft NRW"
    )
    navigation = NavigationFactory(funding_line=FUNDING_LINE, funding_logo=logo)
    translate(
        navigation,
        "en",
        funding_line="Funded by the Ministry of Culture and Science of North Rhine-Westphalia",
    )

    german = footer(client.get("/de/").content.decode())
    assert f'<p class="funding__line">{FUNDING_LINE}</p>' in german
    img = re.search(r'<img class="funding__logo" [^>]*>', german).group(0)
    assert 'alt="Ministerium für Kultur und Wissenschaft NRW"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)

    english = footer(client.get("/en/").content.decode())
    assert "Funded by the Ministry of Culture and Science of North Rhine-Westphalia" in english
    assert FUNDING_LINE not in english
    # The logo follows the German snippet; its alt text is German, and says so.
    english_img = re.search(r'<img class="funding__logo" [^>]*>', english).group(0)
    assert 'alt="Ministerium für Kultur und Wissenschaft NRW"' in english_img
    assert 'lang="de"' in english_img


def test_without_funding_details_the_footer_has_no_empty_funding_strip(client, site):
    NavigationFactory()
    html = footer(client.get("/de/").content.decode())
    assert "site-footer__funding" not in html
    assert "K3 wird gefördert vom Land Nordrhein-Westfalen." in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_pattern_page_answers_in_both_languages_and_asks_not_to_be_indexed(
    client, site, language
):
    ProgramPageFactory(title="Quallenakademie")
    response = client.get(f"/{language}/muster/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<meta name="robots" content="noindex">' in html
    # The colours come from the stylesheet's tokens, each with its contrast on white.
    assert "--color-ink" in html and "#16142e" in html
    assert re.search(r"17[.,]9:1", html)  # ink on white, in the reader's number format
    # The real cards, with a sample page of the reader's language where one exists.
    if language == "de":
        assert "Quallenakademie" in html
    assert 'aria-current="page"' in html  # the sample pagination's current page


def test_the_pattern_page_is_not_in_the_sitemap(client, site):
    assert client.get("/de/muster/").status_code == 200
    sitemap = client.get("/sitemap-de.xml").content.decode()
    assert "muster" not in sitemap
