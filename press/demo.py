"""Demo builder for the press room: the launch release in German and English, generated press
graphics with credits, the network diagram and two small PDFs (see core.demo)."""

import datetime
import io
import json
import textwrap

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.demo import child_page, translate_page
from core.licences import DocumentLanguage, Licence
from core.translation import is_translated_into

from .models import PressReleasePage, PressRoomPage

CREDIT = "Grafik: K3 Demo"

ROOM_INTRO_DE = (
    "Pressemitteilungen, Pressefotos mit Bildnachweis und Dokumente des Kompetenznetzwerks "
    "K3 zum Herunterladen, einzeln oder als Pressemappe."
)
ROOM_INTRO_EN = (
    "Press releases, press photos with credits and documents of the K3 competence network to "
    "download, one by one or as a press kit."
)
CONTACT_DE = {
    "name": "Presseteam K3 (Beispielkontakt)",
    "role": "Akademie für Theater und Digitalität, Dortmund",
    "email": "presse@example.org",
    "phone": "+49 231 0000000",
}
CONTACT_EN = {**CONTACT_DE, "name": "K3 press team (example contact)"}

RELEASE_TITLE_DE = (
    "K3 startet: NRW-Kompetenznetzwerk zu KI in Kunst und Kultur nimmt die Arbeit auf"
)
RELEASE_TITLE_EN = "K3 begins: NRW competence network on AI in the arts and culture starts work"
RELEASE_LEAD_DE = (
    "Seit dem 1. März 2026 arbeitet das Kompetenznetzwerk „K3 KI.Kunst.Kultur“: 23 Institutionen "
    "aus Nordrhein-Westfalen, koordiniert von der Akademie für Theater und Digitalität in "
    "Dortmund, befassen sich drei Jahre lang mit Künstlicher Intelligenz in Kunst und Kultur. "
    "Das Ministerium für Kultur und Wissenschaft des Landes fördert das Netzwerk."
)
RELEASE_LEAD_EN = (
    "Since 1 March 2026 the competence network “K3 KI.Kunst.Kultur” has been at work: 23 "
    "institutions from North Rhine-Westphalia, coordinated by the Akademie für Theater und "
    "Digitalität in Dortmund, are spending three years on artificial intelligence in the arts "
    "and culture. The state's Ministry of Culture and Science funds the network."
)
RELEASE_PARAGRAPHS = [
    (
        "Das Netzwerk bietet drei Programme an: offene Weiterbildungen für alle Kulturschaffenden "
        "in NRW, die sich mit KI beschäftigen wollen, eine mehrmonatige KI-Akademie für "
        "ausgewählte Künstler*innen und KI-Fellowships, die Residenzen für eine vertiefte "
        "künstlerische Arbeit mit KI ermöglichen.",
        "The network runs three programmes: open continuing education for everyone in NRW's "
        "cultural scene who wants to engage with AI, a KI-Akademie lasting several months for "
        "selected artists, and KI-Fellowships offering residencies for in-depth artistic work "
        "with AI.",
    ),
    (
        "Zu den kulturpolitischen Partnern gehört der Kulturrat NRW, der Dachverband der "
        "Kulturverbände des Landes. Er hatte ein solches Kompetenzzentrum schon Anfang 2024 bei "
        "einer Anhörung im Landtag angeregt und berät Künstler*innen seit 2022 in Webinaren, "
        "seit 2024 auch zu KI. Im Netzwerk engagiert er sich vor allem in Vermittlung, "
        "Weiterbildung und Transfer.",
        "Its cultural-policy partners include the Kulturrat NRW, the umbrella organisation of the "
        "state's cultural associations. It had suggested such a competence centre at a hearing "
        "in the state parliament in early 2024 and has advised artists in webinars since 2022, "
        "on AI since 2024. In the network it works mainly on mediation, continuing education "
        "and transfer.",
    ),
    (
        "Das Ministerium hatte die Einrichtung des Netzwerks im Herbst 2025 ausgeschrieben.",
        "The ministry had invited bids for the network in autumn 2025.",
    ),
]

# title, German caption, English caption, German alt text, English alt text, colours, lines
PHOTOS = [
    (
        "Pressefoto Ministerin mit Netzwerkpartner*innen (Platzhalter)",
        "Platzhalter für das Pressefoto: Ina Brandes, Ministerin für Kultur und Wissenschaft des "
        "Landes NRW, mit Netzwerkpartner*innen von K3.",
        "Placeholder for the press photo: Ina Brandes, Minister of Culture and Science of the "
        "state of NRW, with K3 network partners.",
        "Platzhaltergrafik mit dem Schriftzug „Pressefoto Ministerin und Netzwerk“",
        "Placeholder graphic reading “Pressefoto Ministerin und Netzwerk”",
        ((29, 26, 79), (255, 216, 77)),
        ["Pressefoto (Platzhalter)", "Ministerin Ina Brandes", "mit Netzwerkpartner*innen"],
    ),
    (
        "K3 Wortmarke",
        "Die Wortmarke des Kompetenznetzwerks K3 KI.Kunst.Kultur.",
        "The word mark of the K3 KI.Kunst.Kultur competence network.",
        "Schriftzug „K3 KI.Kunst.Kultur“ in Gelb auf dunkelblauem Grund",
        "The words “K3 KI.Kunst.Kultur” in yellow on dark blue",
        ((20, 19, 43), (255, 216, 77)),
        ["K3", "KI.Kunst.Kultur", "NRW Kompetenznetzwerk"],
    ),
    (
        "Die drei Programme von K3",
        "Die drei Programme: Weiterbildung, KI-Akademie und KI-Fellowships.",
        "The three programmes: continuing education, KI-Akademie and KI-Fellowships.",
        "Grafik mit drei Begriffen untereinander: Weiterbildung, KI-Akademie, KI-Fellowships",
        "Graphic with three terms: Weiterbildung, KI-Akademie, KI-Fellowships",
        ((179, 19, 91), (255, 255, 255)),
        ["Weiterbildung", "KI-Akademie", "KI-Fellowships"],
    ),
    (
        "Start am 1. März 2026",
        "K3 arbeitet seit dem 1. März 2026 und wird drei Jahre lang gefördert.",
        "K3 has been at work since 1 March 2026 and is funded for three years.",
        "Grafik mit dem Datum 1. März 2026 und dem Hinweis „drei Jahre“",
        "Graphic with the date 1 March 2026 and the words “drei Jahre” (three years)",
        ((18, 99, 58), (255, 255, 255)),
        ["1. März 2026", "Start von K3", "drei Jahre"],
    ),
]
DIAGRAM_TITLE = "Schaubild des Netzwerks K3"
DIAGRAM_CAPTION = (
    "Schaubild: die Akademie für Theater und Digitalität als federführende Einrichtung, die "
    "Partner im Konsortium und das fördernde Ministerium.",
    "Diagram: the Akademie für Theater und Digitalität as lead institution, the partners in the "
    "consortium and the funding ministry.",
)
DIAGRAM_ALT = (
    "Schaubild des Netzwerks K3; die Liste der Partner und ihrer Rollen folgt darunter.",
    "Diagram of the K3 network; the list of partners and their roles follows below it.",
)

# title, language, German lines, English lines
PDFS = [
    (
        "Pressemitteilung zum Start von K3 (PDF)",
        DocumentLanguage.GERMAN,
        [RELEASE_TITLE_DE, "Dortmund, 2. März 2026", RELEASE_LEAD_DE],
    ),
    (
        "K3 Faktenblatt / fact sheet",
        DocumentLanguage.MULTILINGUAL,
        [
            "K3 KI.Kunst.Kultur – NRW Kompetenznetzwerk",
            "Start / start: 1. März 2026 / 1 March 2026, drei Jahre / three years",
            "23 Institutionen / institutions",
            "Federführung / lead: Akademie für Theater und Digitalität Dortmund",
            "Förderung / funding: Ministerium für Kultur und Wissenschaft NRW",
            "Programme: Weiterbildung, KI-Akademie, KI-Fellowships",
        ],
    ),
]


def build(demo):
    home = demo.pages["home"]
    photos = [demo_image(title, lines, colours) for title, *_t, colours, lines in PHOTOS]
    diagram = network_diagram_image()
    release_pdf, fact_sheet = (demo_pdf(title, language, lines) for title, language, lines in PDFS)

    room = child_page(
        home,
        PressRoomPage,
        "presse",
        title="Presse",
        show_in_menus=True,
        intro=ROOM_INTRO_DE,
        press_contacts=json.dumps([{"type": "contact", "value": CONTACT_DE}]),
        network_diagram=diagram,
        network_diagram_caption=DIAGRAM_CAPTION[0],
        network_diagram_alt_text=DIAGRAM_ALT[0],
    )
    demo.pages["press_room"] = room
    if not is_translated_into(room, demo.english):
        english = {
            "Presse": "Press",
            "presse": "press",
            ROOM_INTRO_DE: ROOM_INTRO_EN,
            DIAGRAM_CAPTION[0]: DIAGRAM_CAPTION[1],
            DIAGRAM_ALT[0]: DIAGRAM_ALT[1],
        }
        english.update(contact_dictionary())
        translate_page(room, demo.english, english, user=demo.admin)

    photo_blocks = [
        {
            "type": "photo",
            "value": {"image": image.pk, "caption": caption_de, "alt_text": alt_de},
        }
        for image, (_title, caption_de, _caption_en, alt_de, *_rest) in zip(
            photos, PHOTOS, strict=True
        )
    ]
    photo_blocks.append(
        {
            "type": "network_diagram",
            "value": {
                "image": diagram.pk,
                "caption": DIAGRAM_CAPTION[0],
                "alt_text": DIAGRAM_ALT[0],
            },
        }
    )
    release = child_page(
        room,
        PressReleasePage,
        "k3-startet",
        title=RELEASE_TITLE_DE,
        date=datetime.date(2026, 3, 2),
        place="Dortmund",
        lead=RELEASE_LEAD_DE,
        body=json.dumps(
            [{"type": "paragraph", "value": f"<p>{de}</p>"} for de, _en in RELEASE_PARAGRAPHS]
        ),
        pdf_version=release_pdf,
        photos=json.dumps(photo_blocks),
        documents=json.dumps([{"type": "document", "value": fact_sheet.pk}]),
        contacts=json.dumps([{"type": "contact", "value": CONTACT_DE}]),
    )
    demo.pages["launch_release"] = release
    if not is_translated_into(release, demo.english):
        english = {
            RELEASE_TITLE_DE: RELEASE_TITLE_EN,
            "k3-startet": "k3-begins",
            "Dortmund": "Dortmund",
            RELEASE_LEAD_DE: RELEASE_LEAD_EN,
            DIAGRAM_CAPTION[0]: DIAGRAM_CAPTION[1],
            DIAGRAM_ALT[0]: DIAGRAM_ALT[1],
        }
        english.update(dict(RELEASE_PARAGRAPHS))
        for _title, caption_de, caption_en, alt_de, alt_en, *_rest in PHOTOS:
            english.update({caption_de: caption_en, alt_de: alt_en})
        english.update(contact_dictionary())
        translate_page(release, demo.english, english, user=demo.admin)
    demo.log("Press room, launch release, press photos and PDFs ready.")


def contact_dictionary():
    return {CONTACT_DE[key]: CONTACT_EN[key] for key in ("name", "role", "email", "phone")}


# --- media ------------------------------------------------------------------------------------


def font(size):
    """DejaVu Sans where installed (it has umlauts); Pillow's built-in font otherwise."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def label(draw, position, text, size, ink):
    typeface = font(size)
    if not isinstance(typeface, ImageFont.FreeTypeFont) or "DejaVu" not in str(
        typeface.font.family
    ):
        text = text.translate(
            str.maketrans(
                {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
            )
        )
    draw.text(position, text, font=typeface, fill=ink)


def demo_image(title, lines, colours, size=(2400, 1600)):
    """A generated press graphic, clearly credited as a demo graphic; created once."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing is not None:
        return existing
    background, ink = colours
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    for step in range(0, size[0], 160):  # a simple pattern, so the JPEG is not trivially flat
        draw.line(
            [(step, 0), (step + 600, size[1])],
            fill=tuple(min(c + 18, 255) for c in background),
            width=24,
        )
    y = 420
    for number, line in enumerate(lines):
        label(draw, (160, y), line, 150 if number == 0 else 96, ink)
        y += 240
    label(draw, (160, size[1] - 160), CREDIT, 56, ink)
    return save_image(picture, title, lines[0], PHOTO_ALT.get(title, title))


PHOTO_ALT = {title: alt_de for title, _c, _ce, alt_de, *_rest in PHOTOS}


def save_image(picture, title, caption, description):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=88)
    image = get_image_model()(
        title=title,
        description=description,
        credit=CREDIT,
        licence=Licence.EDITORIAL_WITH_CREDIT,
        caption=caption,
    )
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{slug_name(title)}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


ROLE_BOXES = {  # role: (box in the picture, German heading)
    "funder": ((700, 60, 1700, 300), "Förderung"),
    "lead": ((850, 560, 1550, 860), "Federführung"),
    "consortium": ((60, 420, 780, 1500), "Konsortium"),
    "cultural-policy": ((1620, 560, 2340, 860), "Kulturpolitische Partner"),
}


def network_diagram_image():
    """The network diagram: funder, lead institution, consortium and cultural-policy partners,
    drawn from the German partner pages (the page lists the same as text below the picture)."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=DIAGRAM_TITLE).first()
    if existing is not None:
        return existing
    from network.models import PartnerPage

    picture = Image.new("RGB", (2400, 1600), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    members = {role: [] for role in ROLE_BOXES}
    for partner in PartnerPage.objects.live().filter(locale__language_code="de").order_by("title"):
        members.setdefault(partner.role, []).append(partner.title)
    lead_box = ROLE_BOXES["lead"][0]
    lead_centre = ((lead_box[0] + lead_box[2]) // 2, (lead_box[1] + lead_box[3]) // 2)
    for role, (box, _heading) in ROLE_BOXES.items():
        if role != "lead":
            centre = ((box[0] + box[2]) // 2, (box[1] + box[3]) // 2)
            draw.line([lead_centre, centre], fill=(201, 199, 220), width=10)
    for role, (box, heading) in ROLE_BOXES.items():
        lead = role == "lead"
        draw.rounded_rectangle(
            box,
            radius=30,
            fill=(29, 26, 79) if lead else (244, 243, 250),
            outline=(29, 26, 79),
            width=4,
        )
        ink = (255, 255, 255) if lead else (20, 19, 43)
        label(draw, (box[0] + 30, box[1] + 24), "K3 – " + heading if lead else heading, 44, ink)
        names = members.get(role) or ["–"]
        size = 40 if len(names) < 4 else 26
        width = int((box[2] - box[0] - 60) / (size * 0.58))  # characters that fit in the box
        lines = [line for name in names for line in textwrap.wrap(name, width)]
        for number, line in enumerate(lines):
            label(draw, (box[0] + 30, box[1] + 90 + number * (size + 12)), line, size, ink)
    label(draw, (80, 1520), CREDIT, 40, (20, 19, 43))
    return save_image(picture, DIAGRAM_TITLE, DIAGRAM_CAPTION[0], DIAGRAM_ALT[0])


def demo_pdf(title, language, lines):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, language=language, licence=Licence.EDITORIAL_WITH_CREDIT)
    document.file.save(f"{slug_name(title)}.pdf", ContentFile(minimal_pdf(lines)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def slug_name(title):
    return slugify(title)[:60]


def minimal_pdf(lines):
    """A valid one-page PDF with the given lines in Helvetica (WinAnsi covers German umlauts)."""

    def escape(text):
        text = text.replace("“", '"').replace("„", '"').replace("–", "-").replace("’", "'")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    wrapped = []
    for line in lines:
        words, current = line.split(), ""
        for word in words:
            if len(current) + len(word) + 1 > 85:
                wrapped.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        wrapped.append(current)
    text = "BT /F1 11 Tf 14 TL 56 780 Td " + " ".join(f"({escape(line)}) '" for line in wrapped)
    stream = (text + " ET").encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
