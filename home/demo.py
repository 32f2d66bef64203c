"""Demo builder for the home pages and the legal pages (see core.demo)."""

import json

from wagtail.models import Page, Site

from core.demo import child_page, site_root, translate_page
from core.models import FooterSettings
from core.translation import is_translated_into

from .models import HomePage, Navigation, NewsIndexPage, StandardPage

HOME_INTRO_DE = (
    "<p>K3 ist das NRW-Kompetenznetzwerk für Künstliche Intelligenz in Kunst und Kultur: "
    "23 Institutionen unter Federführung der Akademie für Theater und Digitalität Dortmund, "
    "gefördert vom Ministerium für Kultur und Wissenschaft des Landes Nordrhein-Westfalen, "
    "von März 2026 an für drei Jahre.</p>"
)
HOME_INTRO_EN = (
    "<p>K3 is the North Rhine-Westphalian competence network for artificial intelligence in the "
    "arts and culture: 23 institutions led by the Akademie für Theater und Digitalität Dortmund, "
    "funded by the state's Ministry of Culture and Science, for three years from March 2026.</p>"
)

# Each legal page: slug, German title, English title, German paragraphs, English paragraphs.
LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "Legal notice",
        [
            "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG):",
            "Akademie für Theater und Digitalität, Dortmund – federführende Einrichtung des "
            "Kompetenznetzwerks K3 KI.Kunst.Kultur. Anschrift, Vertretungsberechtigte und "
            "Kontakt werden vor dem Livegang hier eingetragen.",
            "Dies ist eine Demo-Installation; die Angaben sind noch nicht vollständig.",
        ],
        [
            "Information according to § 5 of the German Digital Services Act (DDG):",
            "Akademie für Theater und Digitalität, Dortmund – lead institution of the "
            "K3 KI.Kunst.Kultur competence network. Address, authorised representatives and "
            "contact details will be entered here before the site goes live.",
            "This is a demo installation; the information is not yet complete.",
        ],
    ),
    (
        "datenschutz",
        "Datenschutzerklärung",
        "Privacy policy",
        [
            "Diese Website setzt keine Tracking- oder Analysewerkzeuge ein und lädt keine Schriften, "
            "Skripte oder Bilder von fremden Servern.",
            "Beim Aufruf verarbeitet der Webserver technisch notwendige Daten (IP-Adresse, Zeitpunkt, "
            "aufgerufene Adresse) zur Auslieferung und Absicherung der Seite (Art. 6 Abs. 1 lit. f "
            "DSGVO). Cookies werden nur für die Anmeldung im Redaktionssystem gesetzt.",
            "Eingebettete Videos werden erst nach Ihrem Klick vom Anbieter geladen.",
        ],
        [
            "This website uses no tracking or analytics tools and loads no fonts, scripts or images "
            "from other servers.",
            "When you visit, the web server processes technically necessary data (IP address, time, "
            "requested address) to deliver and secure the site (Art. 6(1)(f) GDPR). Cookies are only "
            "set for logging in to the editorial system.",
            "Embedded videos are loaded from their provider only after you click.",
        ],
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Accessibility statement",
        [
            "Wir wollen diese Website nach der Barrierefreie-Informationstechnik-Verordnung "
            "(BITV 2.0) und den WCAG 2.1 auf Stufe AA zugänglich machen.",
            "Stand der Vereinbarkeit: teilweise vereinbar. Die Website befindet sich im Aufbau; "
            "eine Prüfung durch Dritte steht noch aus.",
            "Feedback und Kontakt: Wenn Ihnen Barrieren auffallen, schreiben Sie uns an "
            "barrierefreiheit@example.org. Wir antworten innerhalb von zwei Wochen.",
            "Durchsetzungsverfahren: Erhalten Sie keine zufriedenstellende Antwort, können Sie sich an "
            "die Ombudsstelle für barrierefreie Informationstechnik des Landes NRW wenden.",
        ],
        [
            "We aim to make this website accessible according to the German BITV 2.0 and WCAG 2.1 "
            "level AA.",
            "Compliance status: partially compliant. The website is under construction; an external "
            "audit is still to come.",
            "Feedback and contact: if you come across a barrier, write to us at "
            "barrierefreiheit@example.org. We answer within two weeks.",
            "Enforcement procedure: if you do not receive a satisfactory answer, you can contact the "
            "ombudsman for accessible information technology of the state of NRW.",
        ],
    ),
]


LEICHTE_SPRACHE = [
    "Hier erklären wir K3 in Leichter Sprache.",
    "K3 ist ein Netzwerk. In dem Netzwerk arbeiten 23 Einrichtungen zusammen. "
    "Alle Einrichtungen sind in Nordrhein-Westfalen.",
    "Das Netzwerk beschäftigt sich mit Künstlicher Intelligenz. Künstliche Intelligenz heißt kurz: KI. "
    "KI sind Computer-Programme. Sie können zum Beispiel Texte schreiben oder Bilder machen.",
    "K3 fragt: Was bedeutet KI für Kunst und Kultur? Und wie können Künstlerinnen und Künstler "
    "mit KI arbeiten?",
    "K3 hat 3 Angebote: Kurse für alle, eine KI-Akademie und Fellowships. "
    "Ein Fellowship ist eine bezahlte Zeit für ein eigenes Kunst-Projekt.",
    "Das Netzwerk startet am 1. März 2026. Es dauert 3 Jahre. "
    "Das Land Nordrhein-Westfalen bezahlt das Netzwerk.",
]

HOME_SECTIONS_DE = [
    (
        "programs",
        "Drei Programme",
        "Weiterbildung für alle, die KI-Akademie und die KI-Fellowships.",
    ),
    ("latest_news", "Aktuelles", None),
    ("upcoming_events", "Nächste Termine", None),
    ("partner_logos", "Das Netzwerk", None),
    ("featured_pages", "Gut zu wissen", None),
]
HOME_SECTIONS_EN = {
    "Drei Programme": "Three programs",
    "Weiterbildung für alle, die KI-Akademie und die KI-Fellowships.": (
        "Continuing education for everyone, the KI-Akademie and the KI-Fellowships."
    ),
    "Aktuelles": "News",
    "Nächste Termine": "Upcoming events",
    "Das Netzwerk": "The network",
    "Gut zu wissen": "Good to know",
}


def home_sections(featured_pages):
    sections = []
    for block_type, heading, intro in HOME_SECTIONS_DE:
        value = {"heading": heading}
        if block_type == "programs":
            value["intro"] = intro
        elif block_type in ("latest_news", "upcoming_events"):
            value["count"] = 3
        elif block_type == "featured_pages":
            value["pages"] = [page.pk for page in featured_pages]
        sections.append({"type": block_type, "value": value})
    return json.dumps(sections)


def paragraphs_body(paragraphs):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs])


def build(demo):
    home = german_home(demo)
    demo.pages["home"] = home
    for slug, title_de, _title_en, paragraphs_de, _paragraphs_en in LEGAL_PAGES:
        demo.pages[slug] = child_page(
            home,
            StandardPage,
            slug,
            title=title_de,
            show_in_menus=False,
            body=paragraphs_body(paragraphs_de),
        )
    # Leichte Sprache stays German on purpose: it is an offer in easy German, so the English
    # tree shows it as an alias marked as German.
    demo.pages["leichte-sprache"] = child_page(
        home,
        StandardPage,
        "leichte-sprache",
        title="Leichte Sprache",
        intro="K3 in Leichter Sprache",
        show_in_menus=False,
        body=paragraphs_body(LEICHTE_SPRACHE),
    )
    if not home.sections:
        home.sections = home_sections(
            [demo.pages["leichte-sprache"], demo.pages["barrierefreiheit"]]
        )
        home.save_revision(user=demo.admin).publish()
    if not is_translated_into(home, demo.english):
        translate_page(
            home,
            demo.english,
            {
                "K3 KI.Kunst.Kultur": "K3 KI.Kunst.Kultur",
                "k3": "k3",
                HOME_INTRO_DE[3:-4]: HOME_INTRO_EN[3:-4],
                **HOME_SECTIONS_EN,
            },
            user=demo.admin,
        )

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    for slug, title_de, title_en, paragraphs_de, paragraphs_en in LEGAL_PAGES:
        page = demo.pages[slug]
        if not is_translated_into(page, demo.english):
            english = dict(zip(paragraphs_de, paragraphs_en, strict=True))
            english.update({title_de: title_en, slug: slugify_en(title_en)})
            translate_page(page, demo.english, english, user=demo.admin)
    footer.imprint_page = demo.pages["impressum"]
    footer.privacy_page = demo.pages["datenschutz"]
    footer.accessibility_page = demo.pages["barrierefreiheit"]
    footer.save()

    news_index = child_page(
        home,
        NewsIndexPage,
        "aktuelles",
        title="Aktuelles",
        intro=NEWS_INTRO_DE,
        show_in_menus=True,
    )
    demo.pages["aktuelles"] = news_index
    if not is_translated_into(news_index, demo.english):
        translate_page(
            news_index,
            demo.english,
            {"Aktuelles": "News", "aktuelles": "news", NEWS_INTRO_DE: NEWS_INTRO_EN},
            user=demo.admin,
        )
    demo.log("Home, legal pages and news overview ready.")


NEWS_INTRO_DE = "Neuigkeiten aus dem Netzwerk und von den Partnerinstitutionen."
NEWS_INTRO_EN = "News from the network and from its partner institutions."

FOOTER_TEXT_DE = (
    "K3 KI.Kunst.Kultur – NRW Kompetenznetzwerk wird gefördert vom Ministerium für Kultur und "
    "Wissenschaft des Landes Nordrhein-Westfalen."
)
FOOTER_TEXT_EN = (
    "K3 KI.Kunst.Kultur – NRW Kompetenznetzwerk is funded by the Ministry of Culture and Science "
    "of the State of North Rhine-Westphalia."
)


def build_navigation(demo, main_pages, footer_pages):
    """The German navigation snippet and its English translation, made once."""
    navigation = Navigation.objects.filter(locale=demo.german).first()
    if navigation is None:
        navigation = Navigation.objects.create(
            locale=demo.german,
            main_links=_links(main_pages),
            footer_text=FOOTER_TEXT_DE,
            footer_links=_links(footer_pages),
        )
    if not Navigation.objects.filter(locale=demo.english).exists():
        translate_page(navigation, demo.english, {FOOTER_TEXT_DE: FOOTER_TEXT_EN}, user=demo.admin)
    return navigation


def add_to_navigation(demo, page):
    """Append a (German) page to the main menu of both languages, once.

    For other apps' demo builders, e.g. the events overview: `add_to_navigation(demo, index)`.
    """
    navigation = Navigation.objects.filter(locale=demo.german).first()
    if navigation is None:
        return
    if any(
        block.value["page"].pk == page.pk for block in navigation.main_links if block.value["page"]
    ):
        return
    navigation.main_links.append(("link", {"page": page}))
    navigation.save()
    translate_page(navigation, demo.english, {FOOTER_TEXT_DE: FOOTER_TEXT_EN}, user=demo.admin)


def _links(pages):
    return json.dumps([{"type": "link", "value": {"page": page.pk}} for page in pages])


def slugify_en(title):
    return title.lower().replace(" ", "-")


def german_home(demo):
    """The German home page as the site root, replacing Wagtail's welcome page."""
    existing = HomePage.objects.filter(locale=demo.german).first()
    if existing is not None:
        return existing
    root = site_root()
    welcome = Page.objects.filter(depth=2, content_type__model="page", slug="home").first()
    home = HomePage(
        title="K3 KI.Kunst.Kultur",
        slug="k3",
        locale=demo.german,
        intro=HOME_INTRO_DE,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site, _created = Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    site.root_page = home
    site.site_name = "K3 KI.Kunst.Kultur"
    site.save()
    if welcome is not None:
        welcome.delete()
    return home
