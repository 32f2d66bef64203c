"""Demo builder for programs, partners, fellows and news (runs after home.demo).

Facts about the network, its lead institution, Kulturrat NRW and the ministry come from the press
release of 2 March 2026. Every other institution and every fellow is invented, named and marked as an
example ("Beispiel-…", is_example=True), so the demo never claims that a real institution is a member.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from core.demo import DEMO_PASSWORD, child_page, demo_image, translate_page
from core.translation import is_translated_into
from home.demo import build_navigation
from news.models import NewsPage
from taxonomy.models import ArtDiscipline, FieldOfAction, Topic

from .choices import PartnerRole, ProgramKind
from .models import (
    FellowIndexPage,
    FellowProfilePage,
    PartnerIndexPage,
    PartnerPage,
    ProgramIndexPage,
    ProgramPage,
)

# --- Taxonomies: slug, German name, English name ----------------------------------------------

FIELDS = [
    ("vermittlung", "(Kulturpolitische) Vermittlung", "(Cultural-policy) mediation"),
    ("weiterbildung", "Weiterbildung", "Continuing education"),
    ("transfer", "Transfer", "Transfer"),
    ("forschung", "Forschung", "Research"),
    ("kunstproduktion", "Kunstproduktion", "Art production"),
]
DISCIPLINES = [
    ("theater", "Theater", "Theatre"),
    ("musik", "Musik", "Music"),
    ("bildende-kunst", "Bildende Kunst", "Visual arts"),
    ("literatur", "Literatur", "Literature"),
    ("tanz", "Tanz", "Dance"),
    ("medienkunst", "Film und Medienkunst", "Film and media art"),
    ("design", "Design", "Design"),
]
TOPICS = [
    ("urheberrecht", "Urheberrecht", "Copyright"),
    ("foerderung", "Förderanträge", "Funding applications"),
    ("ki-werkzeuge", "KI-Werkzeuge", "AI tools"),
    ("netzwerk", "Netzwerk", "Network"),
]

# --- Index pages: slug, German title, English title, English slug, German intro, English intro --

INDEXES = [
    (
        ProgramIndexPage,
        "programme",
        "Programme",
        "Programs",
        "programs",
        "Drei Programme für Kulturschaffende in NRW: offen für alle, ausgewählt, vertieft.",
        "Three programs for people working in culture in NRW: open to all, selective, in depth.",
    ),
    (
        PartnerIndexPage,
        "netzwerk",
        "Netzwerk",
        "Network",
        "network",
        "23 Institutionen aus Nordrhein-Westfalen arbeiten in K3 zusammen. Filtern Sie nach Rolle, "
        "Stadt und Handlungsfeld. Mit „Beispielpartner“ markierte Einträge sind erfundene "
        "Demo-Institutionen.",
        "23 institutions from North Rhine-Westphalia work together in K3. Filter by role, city and "
        "field of action. Entries marked “example partner” are invented demo institutions.",
    ),
    (
        FellowIndexPage,
        "fellows",
        "Fellows",
        "Fellows",
        "fellows",
        "Künstler*innen der KI-Fellowships und Teilnehmende der KI-Akademie. Alle Profile in dieser "
        "Demo sind erfundene Beispiele.",
        "Artists of the KI-Fellowships and participants of the KI-Akademie. All profiles in this demo "
        "are invented examples.",
    ),
]


def _p(text):
    return f"<p>{text}</p>"


def _body(paragraphs):
    return json.dumps([{"type": "paragraph", "value": _p(text)} for text in paragraphs])


# --- Programs -----------------------------------------------------------------------------------

PROGRAMS = [
    {
        "slug": "weiterbildung",
        "kind": ProgramKind.CONTINUING_EDUCATION,
        "call": None,
        "texts": {
            "title": ("Offene Weiterbildung", "Open continuing education", "continuing-education"),
            "intro": (
                "Ein offenes, niederschwelliges Weiterbildungsangebot rund um KI in Kunst und Kultur "
                "für alle interessierten Kulturakteur*innen in Nordrhein-Westfalen.",
                "An open, low-threshold continuing-education offer on AI in the arts and culture for "
                "everyone working in culture in North Rhine-Westphalia.",
            ),
            "target_groups": (
                "Künstler*innen aller Sparten, Mitarbeitende von Kultureinrichtungen, Kulturverbände.",
                "Artists of every discipline, staff of cultural institutions, cultural associations.",
            ),
            "format": (
                "Webinare, Workshops und offene Sprechstunden",
                "Webinars, workshops and open consultation hours",
            ),
            "duration": ("laufend, einzelne Termine", "ongoing, single sessions"),
            "contact_name": ("Team Weiterbildung", "Continuing education team"),
            "body": [
                (
                    "Die Themen reichen von Grundlagen generativer KI über Urheberrecht bis zu "
                    "Förderanträgen. Alle Termine sind kostenlos und ohne Vorkenntnisse offen.",
                    "Topics range from the basics of generative AI to copyright and funding "
                    "applications. Every session is free of charge and open without prior knowledge.",
                ),
            ],
        },
    },
    {
        "slug": "ki-akademie",
        "kind": ProgramKind.AKADEMIE,
        "call": ("open", -30, 45),
        "texts": {
            "title": ("KI-Akademie", "KI-Akademie", "ki-akademie"),
            "intro": (
                "Ein mehrmonatiges Programm für ausgewählte Künstler*innen, die KI in ihrer Praxis "
                "erproben und reflektieren wollen.",
                "A programme of several months for selected artists who want to try out and reflect "
                "on AI in their practice.",
            ),
            "target_groups": (
                "Professionelle Künstler*innen mit Wohnsitz oder Arbeitsschwerpunkt in NRW.",
                "Professional artists living or mainly working in NRW.",
            ),
            "format": (
                "Präsenzmodule, Online-Labs und Mentoring",
                "On-site modules, online labs and mentoring",
            ),
            "duration": ("sechs Monate", "six months"),
            "contact_name": ("Team KI-Akademie", "KI-Akademie team"),
            "call_title": ("Jahrgang 2027", "Cohort 2027"),
            "call_eligibility": (
                "Professionelle Künstler*innen aller Sparten aus NRW; KI-Vorkenntnisse sind nicht nötig.",
                "Professional artists of every discipline from NRW; no prior knowledge of AI is needed.",
            ),
            "call_how_to_apply": (
                "Schicken Sie eine kurze Vorstellung Ihrer Arbeit und eine Idee, die Sie in der "
                "Akademie verfolgen möchten (höchstens zwei Seiten).",
                "Send a short introduction to your work and an idea you would like to pursue in the "
                "Akademie (two pages at most).",
            ),
            "body": [
                (
                    "Die Teilnehmenden arbeiten in kleinen Gruppen mit Mentor*innen aus Kunst, "
                    "Wissenschaft und Technik.",
                    "Participants work in small groups with mentors from the arts, science and "
                    "technology.",
                ),
            ],
        },
    },
    {
        "slug": "ki-fellowships",
        "kind": ProgramKind.FELLOWSHIP,
        "call": ("upcoming", 20, 80),
        "texts": {
            "title": ("KI-Fellowships", "KI-Fellowships", "ki-fellowships"),
            "intro": (
                "Residenzen für Künstler*innen, die sich vertieft mit künstlerischen Fragen rund um "
                "KI auseinandersetzen.",
                "Residencies for artists who want to explore artistic questions around AI in depth.",
            ),
            "target_groups": (
                "Künstler*innen mit einem eigenen Vorhaben zu KI.",
                "Artists with a project of their own about AI.",
            ),
            "format": (
                "Residenz bei einer Partnerinstitution mit Stipendium",
                "Residency at a partner institution with a stipend",
            ),
            "duration": ("drei bis sechs Monate", "three to six months"),
            "contact_name": ("Team Fellowships", "Fellowships team"),
            "call_title": ("Fellowships 2027", "Fellowships 2027"),
            "call_eligibility": (
                "Künstler*innen aller Sparten mit Bezug zu NRW.",
                "Artists of every discipline with a connection to NRW.",
            ),
            "call_how_to_apply": (
                "Beschreiben Sie Ihr Vorhaben und nennen Sie, bei welcher Partnerinstitution Sie "
                "es umsetzen möchten.",
                "Describe your project and say at which partner institution you would like to "
                "carry it out.",
            ),
            "body": [
                (
                    "Die Fellows werden von einer Partnerinstitution des Netzwerks aufgenommen und "
                    "begleitet.",
                    "Fellows are hosted and accompanied by a partner institution of the network.",
                ),
            ],
        },
    },
]

# --- Partners -----------------------------------------------------------------------------------

REAL_PARTNERS = [
    {
        "slug": "akademie-fuer-theater-und-digitalitaet",
        "title": ("Akademie für Theater und Digitalität", "Akademie für Theater und Digitalität"),
        "role": PartnerRole.LEAD,
        "city": ("Dortmund", "Dortmund"),
        "fields": ["weiterbildung", "transfer", "kunstproduktion"],
        "description": [
            (
                "Die Akademie für Theater und Digitalität in Dortmund ist die federführende "
                "Einrichtung des Kompetenznetzwerks K3 und koordiniert das Konsortium.",
                "The Akademie für Theater und Digitalität in Dortmund is the lead institution of the "
                "K3 competence network and coordinates the consortium.",
            ),
        ],
    },
    {
        "slug": "kulturrat-nrw",
        "title": ("Kulturrat NRW", "Kulturrat NRW"),
        "role": PartnerRole.CULTURAL_POLICY,
        "city": ("Köln", "Cologne"),
        "fields": ["vermittlung", "weiterbildung", "transfer"],
        "description": [
            (
                "Der Kulturrat NRW ist der Dachverband der Kulturverbände in Nordrhein-Westfalen und "
                "verbindet Künstler*innen über Spartengrenzen hinweg.",
                "Kulturrat NRW is the umbrella organisation of the cultural associations in North "
                "Rhine-Westphalia and connects artists across disciplines.",
            ),
            (
                "Als kulturpolitischer Partner bringt er sich vor allem in (kulturpolitische) "
                "Vermittlung, Weiterbildung und Transfer ein. Seit 2022 berät er Künstler*innen mit "
                "Webinaren, seit 2024 gehört KI fest dazu.",
                "As a cultural-policy partner it contributes above all to (cultural-policy) "
                "mediation, continuing education and transfer. It has advised artists with webinars "
                "since 2022; AI has been a regular part of them since 2024.",
            ),
        ],
    },
    {
        "slug": "ministerium-fuer-kultur-und-wissenschaft-nrw",
        "title": (
            "Ministerium für Kultur und Wissenschaft des Landes Nordrhein-Westfalen",
            "Ministry of Culture and Science of the State of North Rhine-Westphalia",
        ),
        "role": PartnerRole.FUNDER,
        "city": ("Düsseldorf", "Düsseldorf"),
        "fields": [],
        "description": [
            (
                "Das Ministerium hat die Einrichtung des Kompetenznetzwerks im Herbst 2025 "
                "ausgeschrieben und fördert K3 ab dem 1. März 2026 für drei Jahre.",
                "The ministry invited proposals for the competence network in autumn 2025 and funds "
                "K3 for three years from 1 March 2026.",
            ),
        ],
    },
]

# slug suffix, German kind of institution, English kind, city (de, en), fields, discipline hint
EXAMPLES = [
    (
        "kunsthaus-bochum",
        "Beispiel-Kunsthaus Bochum",
        "ein Haus für Gegenwartskunst",
        "a house for contemporary art",
        ("Bochum", "Bochum"),
        ["kunstproduktion", "vermittlung"],
    ),
    (
        "medienlabor-koeln",
        "Beispiel-Medienlabor Köln",
        "ein Labor für Medienkunst",
        "a media art lab",
        ("Köln", "Cologne"),
        ["kunstproduktion", "forschung"],
    ),
    (
        "musikhochschule-essen",
        "Beispiel-Musikhochschule Essen",
        "eine Hochschule für Musik",
        "a music academy",
        ("Essen", "Essen"),
        ["forschung", "weiterbildung"],
    ),
    (
        "tanzhaus-duesseldorf",
        "Beispiel-Tanzhaus Düsseldorf",
        "ein Produktionshaus für Tanz",
        "a production house for dance",
        ("Düsseldorf", "Düsseldorf"),
        ["kunstproduktion"],
    ),
    (
        "literaturbuero-muenster",
        "Beispiel-Literaturbüro Münster",
        "ein Literaturbüro",
        "a literature office",
        ("Münster", "Münster"),
        ["vermittlung"],
    ),
    (
        "stadttheater-bielefeld",
        "Beispiel-Stadttheater Bielefeld",
        "ein Stadttheater",
        "a municipal theatre",
        ("Bielefeld", "Bielefeld"),
        ["kunstproduktion", "transfer"],
    ),
    (
        "kunstverein-wuppertal",
        "Beispiel-Kunstverein Wuppertal",
        "ein Kunstverein",
        "an art association",
        ("Wuppertal", "Wuppertal"),
        ["vermittlung"],
    ),
    (
        "designinstitut-aachen",
        "Beispiel-Designinstitut Aachen",
        "ein Institut für Gestaltung",
        "a design institute",
        ("Aachen", "Aachen"),
        ["forschung", "transfer"],
    ),
    (
        "stadtbibliothek-bonn",
        "Beispiel-Stadtbibliothek Bonn",
        "eine öffentliche Bibliothek",
        "a public library",
        ("Bonn", "Bonn"),
        ["vermittlung", "weiterbildung"],
    ),
    (
        "kulturzentrum-duisburg",
        "Beispiel-Kulturzentrum Duisburg",
        "ein soziokulturelles Zentrum",
        "a sociocultural centre",
        ("Duisburg", "Duisburg"),
        ["vermittlung", "transfer"],
    ),
    (
        "filmwerkstatt-gelsenkirchen",
        "Beispiel-Filmwerkstatt Gelsenkirchen",
        "eine Filmwerkstatt",
        "a film workshop",
        ("Gelsenkirchen", "Gelsenkirchen"),
        ["kunstproduktion", "weiterbildung"],
    ),
    (
        "hochschule-paderborn",
        "Beispiel-Hochschule Paderborn",
        "eine Hochschule mit Schwerpunkt Informatik",
        "a university focusing on computer science",
        ("Paderborn", "Paderborn"),
        ["forschung"],
    ),
    (
        "jugendkunstschule-siegen",
        "Beispiel-Jugendkunstschule Siegen",
        "eine Jugendkunstschule",
        "an arts school for young people",
        ("Siegen", "Siegen"),
        ["vermittlung"],
    ),
    (
        "orchester-krefeld",
        "Beispiel-Orchester Krefeld",
        "ein Sinfonieorchester",
        "a symphony orchestra",
        ("Krefeld", "Krefeld"),
        ["kunstproduktion"],
    ),
    (
        "museum-moenchengladbach",
        "Beispiel-Museum Mönchengladbach",
        "ein Kunstmuseum",
        "an art museum",
        ("Mönchengladbach", "Mönchengladbach"),
        ["vermittlung", "forschung"],
    ),
    (
        "festival-oberhausen",
        "Beispiel-Festival Oberhausen",
        "ein Festival für digitale Künste",
        "a festival for digital arts",
        ("Oberhausen", "Oberhausen"),
        ["kunstproduktion", "transfer"],
    ),
    (
        "archiv-hagen",
        "Beispiel-Kulturarchiv Hagen",
        "ein Archiv für regionale Kulturgeschichte",
        "an archive of regional cultural history",
        ("Hagen", "Hagen"),
        ["forschung"],
    ),
    (
        "figurentheater-hamm",
        "Beispiel-Figurentheater Hamm",
        "ein Figurentheater",
        "a puppet theatre",
        ("Hamm", "Hamm"),
        ["kunstproduktion"],
    ),
    (
        "musikschule-detmold",
        "Beispiel-Musikschule Detmold",
        "eine Musikschule",
        "a music school",
        ("Detmold", "Detmold"),
        ["weiterbildung"],
    ),
    (
        "kreativquartier-herne",
        "Beispiel-Kreativquartier Herne",
        "ein Quartier für Kreativwirtschaft",
        "a creative industries quarter",
        ("Herne", "Herne"),
        ["transfer"],
    ),
    (
        "kunstakademie-muelheim",
        "Beispiel-Kunstakademie Mülheim an der Ruhr",
        "eine private Kunstakademie",
        "a private art academy",
        ("Mülheim an der Ruhr", "Mülheim an der Ruhr"),
        ["weiterbildung", "kunstproduktion"],
    ),
]
# Left untranslated on purpose: the English site shows them as German aliases.
UNTRANSLATED_PARTNERS = {
    "beispiel-archiv-hagen",
    "beispiel-musikschule-detmold",
    "beispiel-kreativquartier-herne",
}

# --- Fellows: slug, name, pronouns (de, en), program, cohort, host slug, disciplines, project ------

FELLOWS = [
    (
        "mara-lindqvist",
        "Mara Lindqvist",
        ("sie/ihr", "she/her"),
        "ki-fellowships",
        2026,
        "akademie-fuer-theater-und-digitalitaet",
        ["theater"],
        ("Chor der Maschinen", "Choir of machines"),
        (
            "Ein Sprechchor, dessen Stimmen live von einem Sprachmodell verteilt werden.",
            "A speaking choir whose voices are distributed live by a language model.",
        ),
    ),
    (
        "jonas-ebeling",
        "Jonas Ebeling",
        ("er/ihm", "he/him"),
        "ki-fellowships",
        2026,
        "beispiel-medienlabor-koeln",
        ["medienkunst"],
        ("Gedächtnis der Straße", "Memory of the street"),
        (
            "Eine Videoinstallation aus Bildern, die eine KI aus Erzählungen von Anwohner*innen erzeugt.",
            "A video installation of images an AI generates from residents' stories.",
        ),
    ),
    (
        "aylin-demir",
        "Aylin Demir",
        ("sie/ihr", "she/her"),
        "ki-fellowships",
        2026,
        "beispiel-tanzhaus-duesseldorf",
        ["tanz"],
        ("Schwarmkörper", "Swarm bodies"),
        (
            "Choreografien, in denen Bewegungsdaten von Tänzer*innen eine Lichtsteuerung trainieren.",
            "Choreographies in which dancers' movement data train a lighting system.",
        ),
    ),
    (
        "noah-brenner",
        "Noah Brenner",
        ("", ""),
        "ki-fellowships",
        2026,
        "beispiel-musikhochschule-essen",
        ["musik"],
        ("Partitur im Dialog", "Score in dialogue"),
        (
            "Kompositionen, die im Wechselspiel zwischen Ensemble und generativem System entstehen.",
            "Compositions made in an exchange between an ensemble and a generative system.",
        ),
    ),
    (
        "sina-okafor",
        "Sina Okafor",
        ("sie/ihr", "she/her"),
        "ki-fellowships",
        2027,
        "beispiel-literaturbuero-muenster",
        ["literatur"],
        ("Übersetzte Stimmen", "Translated voices"),
        (
            "Ein Lyrikprojekt über das, was bei maschineller Übersetzung verloren geht.",
            "A poetry project about what is lost in machine translation.",
        ),
    ),
    (
        "elias-worm",
        "Elias Worm",
        ("er/ihm", "he/him"),
        "ki-fellowships",
        2027,
        "beispiel-kunsthaus-bochum",
        ["bildende-kunst"],
        ("Zeichnende Hände", "Drawing hands"),
        (
            "Ein Roboterarm, der Zeichnungen von Kindern nachzuzeichnen lernt – und scheitert.",
            "A robot arm that learns to copy children's drawings – and fails.",
        ),
    ),
    (
        "kim-hartmann",
        "Kim Hartmann",
        ("they/them", "they/them"),
        "ki-fellowships",
        2027,
        "beispiel-designinstitut-aachen",
        ["design", "medienkunst"],
        ("Faire Daten", "Fair data"),
        (
            "Gestaltungsvorschläge für Datensätze, die Urheber*innen sichtbar machen.",
            "Design proposals for datasets that make authors visible.",
        ),
    ),
    (
        "leonie-faber",
        "Leonie Faber",
        ("sie/ihr", "she/her"),
        "ki-fellowships",
        2026,
        "beispiel-stadttheater-bielefeld",
        ["theater", "literatur"],
        ("Souffleuse", "Prompter"),
        (
            "Eine Inszenierung, in der eine KI als Souffleuse mitspielt.",
            "A production in which an AI takes part as the prompter.",
        ),
    ),
    (
        "tariq-hassan",
        "Tariq Hassan",
        ("er/ihm", "he/him"),
        "ki-akademie",
        2026,
        "akademie-fuer-theater-und-digitalitaet",
        ["medienkunst"],
        ("Stimmen aus dem Archiv", "Voices from the archive"),
        (
            "Hörstücke aus Archivmaterial, neu montiert mit Hilfe von Spracherkennung.",
            "Audio pieces from archive material, re-edited with the help of speech recognition.",
        ),
    ),
    (
        "greta-voss",
        "Greta Voss",
        ("sie/ihr", "she/her"),
        "ki-akademie",
        2026,
        "beispiel-kunstverein-wuppertal",
        ["bildende-kunst"],
        ("Bild und Zweifel", "Image and doubt"),
        (
            "Malerei, die KI-Bildgeneratoren befragt statt sie zu nutzen.",
            "Painting that questions AI image generators instead of using them.",
        ),
    ),
    (
        "ben-schulte",
        "Ben Schulte",
        ("", ""),
        "ki-akademie",
        2026,
        "beispiel-orchester-krefeld",
        ["musik"],
        ("Orchester-Proben mit KI", "Orchestra rehearsals with AI"),
        (
            "Werkzeuge, die Musiker*innen beim Üben schwieriger Passagen begleiten.",
            "Tools that accompany musicians practising difficult passages.",
        ),
    ),
    (
        "hanna-reuter",
        "Hanna Reuter",
        ("sie/ihr", "she/her"),
        "ki-akademie",
        2027,
        "beispiel-filmwerkstatt-gelsenkirchen",
        ["medienkunst", "design"],
        ("Kurzfilm ohne Kamera", "Short film without a camera"),
        (
            "Ein Kurzfilm, dessen Bilder aus Beschreibungen von Zuschauer*innen entstehen.",
            "A short film whose images come from descriptions by viewers.",
        ),
    ),
    (
        "paul-nguyen",
        "Paul Nguyen",
        ("er/ihm", "he/him"),
        "ki-akademie",
        2027,
        "beispiel-figurentheater-hamm",
        ["theater"],
        ("Puppe und Prompt", "Puppet and prompt"),
        (
            "Figurentheater, in dem eine Puppe ihre Antworten mit dem Publikum aushandelt.",
            "Puppet theatre in which a puppet negotiates its answers with the audience.",
        ),
    ),
    (
        "ida-kowalski",
        "Ida Kowalski",
        ("sie/ihr", "she/her"),
        "ki-akademie",
        2027,
        "beispiel-museum-moenchengladbach",
        ["bildende-kunst"],
        ("Führung durch die Maschine", "A tour through the machine"),
        (
            "Ein Audioguide, der offenlegt, wie er seine Bildbeschreibungen gewinnt.",
            "An audio guide that shows how it arrives at its image descriptions.",
        ),
    ),
]
UNTRANSLATED_FELLOWS = {"ben-schulte", "ida-kowalski"}
EXAMPLE_PROFILE = (
    "Dieses Profil ist ein erfundenes Beispiel.",
    "This profile is an invented example.",
)

# --- News ---------------------------------------------------------------------------------------

NEWS = [
    {
        "slug": "k3-startet",
        "parent": "aktuelles",
        "date": datetime.date(2026, 3, 1),
        "partners": [
            "akademie-fuer-theater-und-digitalitaet",
            "kulturrat-nrw",
            "ministerium-fuer-kultur-und-wissenschaft-nrw",
        ],
        "programs": ["weiterbildung", "ki-akademie", "ki-fellowships"],
        "topics": ["netzwerk"],
        "title": ("K3 geht an den Start", "K3 gets going", "k3-launches"),
        "teaser": (
            "Seit dem 1. März 2026 arbeiten 23 Institutionen aus NRW im Kompetenznetzwerk K3 "
            "KI.Kunst.Kultur zusammen.",
            "Since 1 March 2026, 23 institutions from NRW have been working together in the K3 "
            "KI.Kunst.Kultur competence network.",
        ),
        "body": [
            (
                "Drei Jahre lang untersucht das Netzwerk, wie Künstliche Intelligenz, Künste und "
                "Kultur aufeinander wirken. Die Federführung liegt bei der Akademie für Theater und "
                "Digitalität in Dortmund; gefördert wird K3 vom Ministerium für Kultur und "
                "Wissenschaft des Landes Nordrhein-Westfalen.",
                "For three years the network will look at how artificial intelligence, the arts and "
                "culture affect one another. It is led by the Akademie für Theater und Digitalität "
                "in Dortmund and funded by the Ministry of Culture and Science of the State of North "
                "Rhine-Westphalia.",
            ),
            (
                "Drei Angebote tragen das Netzwerk: eine offene Weiterbildung für alle "
                "Kulturakteur*innen im Land, eine mehrmonatige KI-Akademie für ausgewählte "
                "Künstler*innen und KI-Fellowships als Residenzen für vertiefte künstlerische Arbeit.",
                "Three offers carry the network: open continuing education for everyone working in "
                "culture in the state, a KI-Akademie of several months for selected artists, and "
                "KI-Fellowships as residencies for in-depth artistic work.",
            ),
        ],
    },
    {
        "slug": "kulturrat-nrw-im-netzwerk",
        "parent": "kulturrat-nrw",
        "date": datetime.date(2026, 3, 2),
        "partners": ["kulturrat-nrw"],
        "programs": ["weiterbildung"],
        "topics": ["urheberrecht", "foerderung"],
        "title": (
            "Kulturrat NRW: Beratungserfahrung für das Netzwerk",
            "Kulturrat NRW: advisory experience for the network",
            "kulturrat-nrw-in-the-network",
        ),
        "teaser": (
            "Der Dachverband bringt seine Webinare und seinen Blick auf die Bedarfe der Kulturszene "
            "in K3 ein.",
            "The umbrella organisation brings its webinars and its view of the cultural scene's "
            "needs to K3.",
        ),
        "body": [
            (
                "Schon Anfang 2024 hatte der Kulturrat NRW bei einer Anhörung im Landtag ein "
                "Kompetenzzentrum für KI in Kunst und Kultur vorgeschlagen. Seine Webinare zu "
                "Urheberrecht, Social Media und Förderanträgen behandeln KI seit 2024 – und sind "
                "stark gefragt.",
                "As early as 2024, Kulturrat NRW proposed a competence centre for AI in the arts and "
                "culture at a hearing in the state parliament. Its webinars on copyright, social "
                "media and funding applications have covered AI since 2024 – and are in high demand.",
            ),
        ],
    },
    {
        "slug": "ki-akademie-bewerbung",
        "parent": "aktuelles",
        "date": datetime.date(2026, 10, 15),
        "partners": [],
        "programs": ["ki-akademie"],
        "topics": ["foerderung"],
        "title": (
            "KI-Akademie: Bewerbungen für 2027 möglich",
            "KI-Akademie: applications open for 2027",
            "ki-akademie-applications",
        ),
        "teaser": (
            "Künstler*innen aller Sparten können sich für den nächsten Jahrgang der KI-Akademie "
            "bewerben.",
            "Artists of every discipline can apply for the next cohort of the KI-Akademie.",
        ),
        "body": [
            (
                "Alles zu Voraussetzungen und Fristen steht auf der Seite der KI-Akademie.",
                "Everything about requirements and deadlines is on the KI-Akademie page.",
            ),
        ],
    },
    {
        "slug": "fellows-2026",
        "parent": "aktuelles",
        "date": datetime.date(2026, 6, 1),
        "partners": ["akademie-fuer-theater-und-digitalitaet"],
        "programs": ["ki-fellowships"],
        "topics": ["netzwerk"],
        "title": ("Die ersten Fellows sind da", "The first fellows have arrived", "first-fellows"),
        "teaser": (
            "Acht Künstler*innen beginnen ihre Residenzen bei Partnerinstitutionen (Beispielprofile).",
            "Eight artists begin their residencies at partner institutions (example profiles).",
        ),
        "body": [
            (
                "Die Profile der Fellows zeigen, woran sie arbeiten und welche Institution sie "
                "aufnimmt. In dieser Demo sind alle Profile erfunden.",
                "The fellows' profiles show what they work on and which institution hosts them. In "
                "this demo every profile is invented.",
            ),
        ],
    },
    {
        "slug": "webinare-urheberrecht",
        "parent": "aktuelles",
        "date": datetime.date(2026, 4, 20),
        "partners": ["kulturrat-nrw"],
        "programs": ["weiterbildung"],
        "topics": ["urheberrecht", "ki-werkzeuge"],
        "title": (
            "Weiterbildung: KI und Urheberrecht",
            "Continuing education: AI and copyright",
            "ai-and-copyright",
        ),
        "teaser": (
            "Die offene Weiterbildung beginnt mit Grundlagen zu Urheberrecht und KI-Werkzeugen.",
            "The open continuing-education programme begins with the basics of copyright and AI "
            "tools.",
        ),
        "body": [
            (
                "Die Termine sind kostenlos und richten sich an alle, die in NRW künstlerisch oder in "
                "Kultureinrichtungen arbeiten.",
                "The sessions are free of charge and open to everyone working artistically or in "
                "cultural institutions in NRW.",
            ),
        ],
    },
    {
        "slug": "ki-werkstatt",
        "parent": "beispiel-medienlabor-koeln",
        "date": datetime.date(2026, 9, 5),
        "partners": ["beispiel-medienlabor-koeln"],
        "programs": [],
        "topics": ["ki-werkzeuge"],
        "title": (
            "Beispiel-Medienlabor Köln öffnet eine KI-Werkstatt",
            "Beispiel-Medienlabor Köln opens an AI workshop",
            "ai-workshop",
        ),
        "teaser": (
            "Eine Beispielmeldung einer Partnerinstitution: offene Werkstattabende zum Ausprobieren.",
            "An example news item of a partner institution: open workshop evenings to try things out.",
        ),
        "body": [
            (
                "So sieht eine Meldung aus, die eine Partnerinstitution selbst veröffentlicht. Das "
                "Medienlabor ist erfunden.",
                "This is what a news item published by a partner institution itself looks like. The "
                "media lab is invented.",
            ),
        ],
    },
]
UNTRANSLATED_NEWS = {"ki-werkstatt"}


# --- Builder ------------------------------------------------------------------------------------


def build(demo):
    taxonomies = {
        model: _taxonomy(demo, model, entries)
        for model, entries in (
            (FieldOfAction, FIELDS),
            (ArtDiscipline, DISCIPLINES),
            (Topic, TOPICS),
        )
    }
    home = demo.pages["home"]
    for model, slug, title_de, title_en, slug_en, intro_de, intro_en in INDEXES:
        page = child_page(home, model, slug, title=title_de, intro=intro_de, show_in_menus=True)
        demo.pages[slug] = page
        _translate(demo, page, {title_de: title_en, slug: slug_en, intro_de: intro_en})

    for index, spec in enumerate(PROGRAMS):
        demo.pages[spec["slug"]] = _program(demo, spec, index)
    for index, spec in enumerate(REAL_PARTNERS):
        demo.pages[spec["slug"]] = _partner(demo, spec, taxonomies[FieldOfAction], index, False)
    for index, example in enumerate(EXAMPLES, start=len(REAL_PARTNERS)):
        spec = _example_partner(*example)
        demo.pages[spec["slug"]] = _partner(demo, spec, taxonomies[FieldOfAction], index, True)
    for index, fellow in enumerate(FELLOWS):
        _fellow(demo, fellow, taxonomies[ArtDiscipline], index)
    for index, spec in enumerate(NEWS):
        _news(demo, spec, taxonomies[Topic], index)

    build_navigation(
        demo,
        [demo.pages[slug] for slug in ("programme", "netzwerk", "fellows", "aktuelles")],
        [
            demo.pages[slug]
            for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache")
        ],
    )
    _editors(demo)
    demo.log("Programs, partners, fellows and news ready.")


def _translate(demo, page, english):
    if not is_translated_into(page, demo.english):
        translate_page(page, demo.english, english, user=demo.admin)


def _taxonomy(demo, model, entries):
    by_slug = {}
    for slug, name_de, name_en in entries:
        entry = model.objects.filter(locale=demo.german, slug=slug).first()
        if entry is None:
            entry = model.objects.create(locale=demo.german, slug=slug, name=name_de)
        if not model.objects.filter(
            locale=demo.english, translation_key=entry.translation_key
        ).exists():
            translate_page(entry, demo.english, {name_de: name_en}, user=demo.admin)
        by_slug[slug] = entry
    return by_slug


def _texts_and_english(texts):
    """German field values and the German→English dictionary from (de, en[, en-slug]) pairs."""
    fields, english = {}, {}
    for name, value in texts.items():
        if name == "body":
            fields[name] = _body([de for de, _en in value])
            english.update(dict(value))
        elif name in (
            "call_eligibility",
            "call_how_to_apply",
            "description",
            "project_description",
        ):
            paragraphs = value if isinstance(value, list) else [value]
            fields[name] = "".join(_p(de) for de, _en in paragraphs)
            english.update(dict(paragraphs))
        elif value[0]:
            fields[name] = value[0]
            english[value[0]] = value[1]
    return fields, english


def _program(demo, spec, index):
    fields, english = _texts_and_english(spec["texts"])
    title_en_slug = spec["texts"]["title"][2]
    english[spec["slug"]] = title_en_slug
    if spec["call"]:
        _status, opens, closes = spec["call"]
        now = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
        fields["call_opens_at"] = now + datetime.timedelta(days=opens)
        fields["call_deadline"] = now + datetime.timedelta(days=closes)
    image = demo_image(
        f"Programm {fields['title']}",
        f"Abstrakte Grafik in Kreisformen zum Programm {fields['title']}",
        label=fields["title"],
        seed=index + 1,
        kind="picture",
    )
    page = child_page(
        demo.pages["programme"],
        ProgramPage,
        spec["slug"],
        kind=spec["kind"],
        contact_email=f"{spec['slug']}@example.org",
        listing_image=image,
        **fields,
    )
    _translate(demo, page, english)
    return page


def _example_partner(slug, name, kind_de, kind_en, city, fields):
    return {
        "slug": f"beispiel-{slug}",
        "title": (name, name),
        "role": PartnerRole.CONSORTIUM,
        "city": city,
        "fields": fields,
        "example": True,
        "description": [
            (
                f"{name} ist {kind_de} in {city[0]} – eine erfundene Beispielinstitution, die zeigt, "
                "wie sich ein Konsortialpartner hier vorstellt.",
                f"{name} is {kind_en} in {city[1]} – an invented example institution that shows how "
                "a consortium partner presents itself here.",
            ),
        ],
    }


def _partner(demo, spec, fields_of_action, index, is_example):
    title_de, title_en = spec["title"]
    initials = "".join(word[0] for word in title_de.replace("Beispiel-", "").split()[:3]).upper()
    logo = demo_image(
        f"Logo {title_de}",
        f"Logo von {title_de}: die Buchstaben {initials} auf farbiger Fläche",
        label=initials,
        seed=index,
        kind="logo",
    )
    texts, english = _texts_and_english(
        {"title": spec["title"], "city": spec["city"], "description": spec["description"]}
    )
    english[spec["slug"]] = spec["slug"]
    if spec["slug"].startswith("ministerium"):
        english[spec["slug"]] = "ministry-of-culture-and-science-nrw"
    page = child_page(
        demo.pages["netzwerk"],
        PartnerPage,
        spec["slug"],
        role=spec["role"],
        logo=logo,
        contact_email=f"k3@{spec['slug']}.example.org",
        fields_of_action=[fields_of_action[slug] for slug in spec["fields"]],
        **texts,
    )
    if spec["slug"] not in UNTRANSLATED_PARTNERS:
        _translate(demo, page, english)
    return page


def _fellow(demo, fellow, disciplines, index):
    slug, name, pronouns, program, cohort, host, discipline_slugs, title, description = fellow
    portrait = demo_image(
        f"Porträtgrafik {name}",
        f"Abstrakte Porträtgrafik für {name}: eine Figur aus Kreisen",
        seed=index,
        kind="avatar",
    )
    texts, english = _texts_and_english(
        {
            "title": (name, name),
            "pronouns": pronouns,
            "project_title": title,
            "project_description": [description, EXAMPLE_PROFILE],
        }
    )
    english[slug] = slug
    page = child_page(
        demo.pages[host],
        FellowProfilePage,
        slug,
        program=demo.pages[program],
        cohort_year=cohort,
        portrait=portrait,
        disciplines=[disciplines[d] for d in discipline_slugs],
        **texts,
    )
    if slug not in UNTRANSLATED_FELLOWS:
        _translate(demo, page, english)
    return page


def _news(demo, spec, topics, index):
    title_de, title_en, slug_en = spec["title"]
    image = demo_image(
        f"Nachricht {title_de}",
        f"Abstrakte Grafik aus farbigen Kreisen zur Meldung „{title_de}“",
        seed=index + 2,
        kind="picture",
    )
    texts, english = _texts_and_english(
        {"title": spec["title"][:2], "teaser": spec["teaser"], "body": spec["body"]}
    )
    english[spec["slug"]] = slug_en
    page = child_page(
        demo.pages[spec["parent"]],
        NewsPage,
        spec["slug"],
        date=spec["date"],
        image=image,
        related_partners=[demo.pages[slug] for slug in spec["partners"]],
        related_programs=[demo.pages[slug] for slug in spec["programs"]],
        topics=[topics[slug] for slug in spec["topics"]],
        **texts,
    )
    if spec["slug"] not in UNTRANSLATED_NEWS:
        _translate(demo, page, english)
    return page


def _editors(demo):
    """One demo editor per partner; their rights come from the permissions app (editorial)."""
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    for partner in PartnerPage.objects.filter(locale=demo.german):
        User.objects.get_or_create(
            username=f"{partner.slug}-editor",
            defaults={
                "email": f"{partner.slug}-editor@example.org",
                "first_name": partner.title[:150],
                "password": password,
            },
        )
