"""Issue 15 on the demo as readers see it: quiet card credits, the funder apart from the 23
members, "programme" in English, the KI-Akademie's apply button, event pictures and British
dates (run on the demo by tests/home/test_demo.py)."""

import re

from bs4 import BeautifulSoup

from core.factories import translate
from home.models import HomePage

PROGRAM_WORD = re.compile(r"\bprograms?\b", re.IGNORECASE)
US_DATE = re.compile(r"\b(a\.m\.|p\.m\.)|\b[A-Z][a-z]{2}\. \d{1,2}, \d{4}")


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def visible_text(page):
    """What a reader sees: the text of the document, without scripts, styles or attributes."""
    for hidden in page.select("script, style"):
        hidden.decompose()
    return page.get_text(" ")


def assert_the_demo_reads_as_issue_15_wants(client):
    # Under the tests the English home is the one of the bare site (`bilingual_site`), which the
    # demo keeps; bring its sections over from the German home (their headings stay German).
    home = HomePage.objects.get(locale__language_code="de", depth=2)
    translate(home, "en")
    assert_cards_carry_a_quiet_credit(client)
    assert_the_funder_is_apart_from_the_23_members(client)
    assert_programme_in_english(client)
    assert_the_akademie_call_has_an_apply_button(client)
    assert_events_have_pictures_and_british_dates(client)


def assert_cards_carry_a_quiet_credit(client):
    for url in ("/de/", "/en/", "/de/netzwerk/", "/en/network/", "/de/programme/"):
        page = soup(client, url)
        cards = page.select(".card")
        with_pictures = [card for card in cards if card.select_one("figure")]
        assert len(with_pictures) >= (3 if "programme" in url else 6), url
        for card in cards:
            assert card.select('a[rel="license"]') == [], url
            assert len(card.select("a[href]")) <= 2, url  # the title (and an apply button)
        for card in with_pictures:
            assert (
                card.select_one("figcaption")
                .get_text(strip=True)
                .startswith("Grafik: K3 Demo · CC0 1.0")
            ), url
        html = str(page)
        assert "((" not in html and "))" not in html, url


def assert_the_funder_is_apart_from_the_23_members(client):
    for url, funder in (
        ("/de/netzwerk/", "Ministerium für Kultur und Wissenschaft"),
        ("/en/network/", "Ministry of Culture and Science"),
    ):
        page = soup(client, url)
        assert page.select_one('[role="status"]').get_text(strip=True).startswith("23 ")
        members = page.select("ul.card-list")[0].select(".card")
        assert len(members) == 12  # the first page of the members
        assert all(funder not in card.get_text() for card in members)
        assert funder in page.select_one("section.funders").get_text()
        second = soup(client, f"{url}?page=2").select("ul.card-list")[0].select(".card")
        assert len(second) == 11
    home = soup(client, "/en/")
    [logos, funders] = home.select("ul.logo-list")
    assert len(logos.select("li")) == 23
    assert [img["alt"] for img in funders.select("img")] == [
        "Ministry of Culture and Science of the State of North Rhine-Westphalia"
    ]


def assert_programme_in_english(client):
    overview = soup(client, "/en/programs/")
    pages = [a["href"] for a in overview.select(".card h2 a")]
    assert len(pages) == 3
    for url in ["/en/", "/en/programs/", *pages]:
        text = visible_text(soup(client, url))
        assert not PROGRAM_WORD.findall(text), (url, PROGRAM_WORD.findall(text))
        assert "rogramme" in text, url


def assert_the_akademie_call_has_an_apply_button(client):
    for url in ("/de/programme/ki-akademie/", "/en/programs/ki-akademie/"):
        page = soup(client, url)
        buttons = page.select('a.button[href="https://example.org/bewerbung/ki-akademie"]')
        assert buttons, url
    english = soup(client, "/en/programs/ki-akademie/")
    assert (
        english.select_one("a.button.apply, .apply a.button")
        .get_text()
        .startswith("Apply now – deadline ")
    )
    fellowships = soup(client, "/en/programs/ki-fellowships/")  # the call opens later
    assert fellowships.select(".apply a.button") == []


def assert_events_have_pictures_and_british_dates(client):
    calendar = soup(client, "/en/events/")
    cards = calendar.select(".event-card")
    assert [card for card in cards if card.select_one("figure img")]
    text = visible_text(calendar)
    assert re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}\b", text)
    assert not US_DATE.search(text)
    event_url = cards[0].select_one("h2 a")["href"]
    event = soup(client, event_url)
    assert event.select_one(".back-link a")["href"] == "/en/events/"
    assert not US_DATE.search(visible_text(event))
