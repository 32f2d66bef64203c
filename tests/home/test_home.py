"""Home page sections, navigation and footer edited per language, news pages."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from core.factories import alias_in, first_or_create, translate
from home.factories import StandardPageFactory
from navigation.factories import NavigationFactory
from network.factories import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from taxonomy.factories import TopicFactory

pytestmark = pytest.mark.django_db


def set_sections(home, sections):
    home.sections = json.dumps(sections)
    home.save_revision().publish()


def featured(*pages):
    return {
        "type": "featured_pages",
        "value": {"heading": "Gut zu wissen", "pages": [page.pk for page in pages]},
    }


def featured_section(response):
    html = response.content.decode()
    return html.split("<h2>Gut zu wissen</h2>", 1)[1].split("</section>", 1)[0]


def test_home_sections_are_editor_chosen(client, site):
    ProgramPageFactory(title="Quallenakademie")
    PartnerPageFactory(title="Beispiel-Seegurkenhaus Soest")
    today = timezone.localdate()
    NewsPageFactory(title="Quallen im Revier gesichtet", date=today)
    NewsPageFactory(title="Vorige Quallenmeldung", date=today - timedelta(days=1))
    easy = StandardPageFactory(parent=site.home_de, title="Quallen leicht erklärt")
    set_sections(
        site.home_de,
        [
            {"type": "programs", "value": {"heading": "Drei Programme", "intro": ""}},
            {"type": "latest_news", "value": {"heading": "Aktuelles", "count": 3}},
            {"type": "partner_logos", "value": {"heading": "Das Netzwerk"}},
            featured(easy),
        ],
    )
    html = client.get("/de/").content.decode()
    assert "Drei Programme" in html and "Das Netzwerk" in html
    assert "Quallenakademie" in html  # programs filled automatically
    assert "Beispiel-Seegurkenhaus Soest" in html  # partners filled automatically
    assert "Quallen im Revier gesichtet" in html and "Vorige Quallenmeldung" in html
    assert f'href="{easy.url}"' in html and "Quallen leicht erklärt" in html  # a featured page

    set_sections(
        site.home_de, [{"type": "latest_news", "value": {"heading": "Nur Neues", "count": 1}}]
    )
    html = client.get("/de/").content.decode()
    assert "Nur Neues" in html and "Drei Programme" not in html
    assert html.count('class="card"') == 1
    assert "Quallen im Revier gesichtet" in html  # the newest
    assert "Vorige Quallenmeldung" not in html
    assert "Quallenakademie" not in html and "Quallen leicht erklärt" not in html


def test_featured_pages_follow_the_reader(client, site):
    easy = StandardPageFactory(parent=site.home_de, title="Quallen leicht", slug="quallen-leicht")
    accessibility = StandardPageFactory(
        parent=site.home_de, title="Quallen barrierefrei", slug="quallen-barrierefrei"
    )
    translate(accessibility, "en", title="Accessible jellyfish", slug="accessible-jellyfish")
    alias_in(easy, "en")  # left in German on purpose
    # The editor chooses the German pages; the English home page gets them by translation.
    set_sections(site.home_de, [featured(easy, accessibility)])
    translate(site.home_de, "en")

    section = featured_section(client.get("/en/"))
    assert 'href="/en/accessible-jellyfish/"' in section
    assert 'href="/en/quallen-leicht/"' in section
    assert "/de/" not in section
    section = featured_section(client.get("/de/"))
    assert 'href="/de/quallen-barrierefrei/"' in section
    assert 'href="/de/quallen-leicht/"' in section


def test_navigation_and_footer_per_language(client, site):
    network = first_or_create(PartnerIndexPageFactory, title="Netzwerk", slug="netzwerk")
    translate(network, "en", title="Network", slug="network")
    german = NavigationFactory(
        locale=site.de,
        main_pages=[network],
        footer_text="K3 wird gefördert vom Ministerium für Kultur und Wissenschaft.",
    )
    translate(german, "en", footer_text="K3 is funded by the Ministry of Culture and Science.")
    html = client.get("/en/").content.decode()
    assert '<a href="/en/network/">Network</a>' in html
    assert "K3 is funded by the Ministry of Culture and Science." in html
    assert "wird gefördert" not in html
    html = client.get("/de/").content.decode()
    assert '<a href="/de/netzwerk/">Netzwerk</a>' in html
    assert "K3 wird gefördert vom Ministerium für Kultur und Wissenschaft." in html

    english = german.get_translation(site.en)
    english.footer_text = "An edited English footer."
    english.save()
    assert "An edited English footer." in client.get("/en/").content.decode()
    assert "An edited English footer." not in client.get("/de/").content.decode()


def test_navigation_is_a_translatable_snippet_in_the_admin(admin_client, site):
    german = NavigationFactory(locale=site.de, footer_text="Ein Fußtext zum Bearbeiten.")
    response = admin_client.get(f"/admin/snippets/navigation/navigation/edit/{german.pk}/")
    assert response.status_code == 200
    assert "Ein Fußtext zum Bearbeiten." in response.content.decode()


def test_news_page_shows_related_partners_and_programs_in_the_readers_language(client, site):
    programs = first_or_create(ProgramIndexPageFactory, title="Programme", slug="programme")
    partners = first_or_create(PartnerIndexPageFactory, title="Netzwerk", slug="netzwerk")
    news_index = first_or_create(NewsIndexPageFactory, title="Aktuelles", slug="aktuelles")
    for index, title, slug in [
        (programs, "Programs", "programs"),
        (partners, "Network", "network"),
        (news_index, "News", "news"),
    ]:
        translate(index, "en", title=title, slug=slug)
    academy = ProgramPageFactory(title="Quallenakademie", slug="quallenakademie")
    council = PartnerPageFactory(title="Kulturrat Kleve", slug="kulturrat-kleve")
    archive = PartnerPageFactory(title="Archiv Hamm", slug="archiv-hamm")
    topic = TopicFactory(name="Teilhabe", slug="teilhabe")
    translate(topic, "en", name="Participation")
    for page in (academy, council, archive):
        translate(page, "en")
    news = NewsPageFactory(
        title="Quallen im Revier",
        slug="quallen-im-revier",
        related_partners=[council, archive],
        related_programs=[academy],
        topics=[topic],
    )
    english = translate(news, "en", title="Jellyfish in the Ruhr", slug="jellyfish-in-the-ruhr")

    html = client.get(english.url).content.decode()
    related = html.split('id="related-heading"', 1)[1].split("</aside>", 1)[0]
    assert 'href="/en/network/kulturrat-kleve/"' in related
    assert 'href="/en/network/archiv-hamm/"' in related
    assert 'href="/en/programs/quallenakademie/"' in related
    assert "/de/" not in related
    assert "Participation" in html and "Teilhabe" not in html  # the topic, in English

    html = client.get(news.url).content.decode()
    related = html.split('id="related-heading"', 1)[1].split("</aside>", 1)[0]
    assert re.findall(r'href="([^"]+)"', related) == [
        "/de/programme/quallenakademie/",
        "/de/netzwerk/archiv-hamm/",
        "/de/netzwerk/kulturrat-kleve/",
    ]
    assert "Teilhabe" in html and "Participation" not in html


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
