"""Demo builder for the press room (press.yaml): the launch release in German and English,
generated press graphics with credits, the network diagram and two small PDFs."""

import hashlib
import io
import json
import textwrap

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.collections import child_collection
from core.demo import CREDIT, Bilingual, child_page, demo_data, save_image, translate_once
from core.factories import K3DocumentFactory
from core.licences import Licence

from ..factories import PressReleasePageFactory, PressRoomPageFactory
from ..models import PRESS_COLLECTION

DATA = demo_data(__package__, "press.yaml")


def build(demo):
    room_spec, release_spec, contact = DATA["room"], DATA["release"], DATA["contact"]
    photos = [press_graphic(photo) for photo in DATA["photos"]]
    diagram = network_diagram_image(DATA["diagram"])
    release_pdf = demo_pdf(
        DATA["release_pdf"],
        [release_spec["title"]["de"], DATA["release_pdf"]["dateline"], release_spec["lead"]["de"]],
    )
    fact_sheet = demo_pdf(DATA["fact_sheet"], DATA["fact_sheet"]["lines"])

    texts = Bilingual()
    room = child_page(
        demo.pages["home"],
        PressRoomPageFactory,
        texts.text(room_spec["slug"]),
        title=texts.text(room_spec["title"]),
        show_in_menus=True,
        intro=texts.text(room_spec["intro"]),
        press_contacts=json.dumps([{"type": "contact", "value": contact_block(contact, texts)}]),
        network_diagram=diagram,
        network_diagram_caption=texts.text(DATA["diagram"]["caption"]),
        network_diagram_alt_text=texts.text(DATA["diagram"]["alt_text"]),
    )
    demo.pages["press_room"] = room
    translate_once(demo, room, texts.english)

    texts = Bilingual()
    photo_blocks = [
        {"type": "photo", "value": picture_block(image, spec, texts)}
        for image, spec in zip(photos, DATA["photos"], strict=True)
    ]
    photo_blocks.append(
        {"type": "network_diagram", "value": picture_block(diagram, DATA["diagram"], texts)}
    )
    release = child_page(
        room,
        PressReleasePageFactory,
        texts.text(release_spec["slug"]),
        title=texts.text(release_spec["title"]),
        date=release_spec["date"],
        place=texts.text(release_spec["place"]),
        lead=texts.text(release_spec["lead"]),
        body=texts.paragraph_blocks(release_spec["body"]),
        pdf_version=release_pdf,
        photos=json.dumps(photo_blocks),
        documents=json.dumps([{"type": "document", "value": fact_sheet.pk}]),
        contacts=json.dumps([{"type": "contact", "value": contact_block(contact, texts)}]),
    )
    demo.pages["launch_release"] = release
    translate_once(demo, release, texts.english)
    demo.log("Press room, launch release, press photos and PDFs ready.")


def contact_block(contact, texts):
    return {key: texts.text(text) for key, text in contact.items()}


def picture_block(image, spec, texts):
    return {
        "image": image.pk,
        "caption": texts.text(spec["caption"]),
        "alt_text": texts.text(spec["alt_text"]),
    }


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


def press_graphic(spec, size=(2400, 1600)):
    """A generated press graphic, clearly credited as a demo graphic; created once."""
    title, lines = spec["title"], spec["lines"]
    existing = get_image_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    background, ink = tuple(spec["background"]), tuple(spec["ink"])
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
    return press_image(picture, title, caption=lines[0], description=spec["alt_text"]["de"])


ROLE_BOXES = {  # role: (box in the picture, German heading)
    "funder": ((700, 60, 1700, 300), "Förderung"),
    "lead": ((850, 560, 1550, 860), "Federführung"),
    "consortium": ((60, 420, 780, 1500), "Konsortium"),
    "cultural-policy": ((1620, 560, 2340, 860), "Kulturpolitische Partner"),
}


def network_diagram_image(spec):
    """The network diagram: funder, lead institution, consortium and cultural-policy partners,
    drawn from the German partner pages (the page lists the same as text below the picture)."""
    existing = get_image_model().objects.filter(title=spec["title"]).first()
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
    return press_image(
        picture, spec["title"], caption=spec["caption"]["de"], description=spec["alt_text"]["de"]
    )


def press_collection():
    """The "Presse" collection below the root, where the press team chooses and uploads media."""
    return child_collection(Collection.get_first_root_node(), PRESS_COLLECTION)


def press_image(picture, title, **fields):
    return save_image(
        picture,
        title,
        f"{slug_name(title)}.jpg",
        credit=CREDIT,
        licence=Licence.EDITORIAL_WITH_CREDIT,
        collection=press_collection(),
        **fields,
    )


def demo_pdf(spec, lines):
    title, language = spec["title"], spec["language"]
    existing = get_document_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = minimal_pdf(lines)
    return K3DocumentFactory(
        title=title,
        language=language,
        licence=Licence.EDITORIAL_WITH_CREDIT,
        collection=press_collection(),
        file=ContentFile(data, name=f"{slug_name(title)}.pdf"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )


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
