"""Image credits on cards are a quiet caption without a link, one Tab stop per card (its title);
the licence link stays on the page the card leads to; no doubled brackets (issue 15)."""

import pytest
from bs4 import BeautifulSoup

from core.factories import K3DocumentFactory, K3ImageFactory, first_or_create
from core.licences import Licence
from home.factories import StandardPageFactory
from network.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def cards(html):
    return BeautifulSoup(html, "html.parser").select(".card")


@pytest.fixture
def partners(site):
    index = first_or_create(PartnerIndexPageFactory)
    logo = K3ImageFactory(credit="Grafik: Test Studio", licence=Licence.CC0)
    editorial = K3ImageFactory(credit="Foto: Jana Beispiel", licence=Licence.EDITORIAL_WITH_CREDIT)
    first = PartnerPageFactory(parent=index, title="Quallenhaus Kleve", logo=logo)
    second = PartnerPageFactory(parent=index, title="Quallenwerk Hamm", logo=editorial)
    return index, first, second


def test_partner_cards_credit_without_a_licence_link(client, partners):
    index, _first, _second = partners
    html = client.get(index.url).content.decode()

    shown = [card for card in cards(html) if "Quallen" in card.get_text()]
    assert len(shown) == 2
    for card in shown:
        assert card.select('a[rel="license"]') == []
        assert len(card.select("a")) == 1  # the title: one Tab stop per card
        assert card.select_one("figcaption").find("a") is None
    captions = [card.select_one("figcaption").get_text(" ", strip=True) for card in shown]
    assert captions == ["Grafik: Test Studio · CC0 1.0 (gemeinfrei)", "Foto: Jana Beispiel"]
    assert "((" not in html and "))" not in html


def test_the_licence_link_is_on_the_detail_page(client, partners):
    _index, first, _second = partners
    html = client.get(first.url).content.decode()

    [link] = BeautifulSoup(html, "html.parser").select('figure a[rel="license"]')
    assert link["href"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert link.get_text() == "CC0 1.0 (gemeinfrei)"
    credit = BeautifulSoup(html, "html.parser").select_one("figure .figure__credit")
    assert credit.get_text(" ", strip=True) == "Grafik: Test Studio · CC0 1.0 (gemeinfrei)"
    assert "((" not in html and "))" not in html


def test_english_credit_has_no_doubled_brackets(client, partners):
    from core.factories import translate

    index, first, _second = partners
    translate(index, "en", title="Network", slug="network")
    english = translate(first, "en")
    html = client.get(english.url).content.decode()

    credit = BeautifulSoup(html, "html.parser").select_one("figure .figure__credit")
    assert credit.get_text(" ", strip=True) == (
        "Grafik: Test Studio · CC0 1.0 (public domain dedication)"
    )
    assert "((" not in html and "))" not in html


def test_download_lists_name_the_licence_without_doubled_brackets(client, site):
    document = K3DocumentFactory(title="Leitfaden", licence=Licence.CC0)
    page = StandardPageFactory(
        parent=site.home_de,
        title="Material",
        body=[("downloads", {"heading": "Downloads", "documents": [document]})],
    )
    html = client.get(page.url).content.decode()

    assert "Leitfaden" in html
    assert "CC0 1.0 (gemeinfrei)" in html
    assert "((" not in html and "))" not in html
