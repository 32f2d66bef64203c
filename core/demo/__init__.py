"""Helpers the demo builders share: data files, idempotent page creation, real translations.

Each app that owns demo content has a `demo` package: `<app>/demo/__init__.py` holds its builder
(`build(demo)`) and `<app>/demo/*.yaml` its text. In the data files every translatable text is
`{de: …, en: …}`; a plain string is the same in both languages. The `load_demo_content` command runs
the builders in order and then refreshes the indexes.
"""

import hashlib
import io
import json
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources

import yaml
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Locale, Page

from core.factories import K3ImageFactory, translate
from core.models import K3Image

DEMO_PASSWORD = "k3-demo"


@dataclass
class Demo:
    """What the builders hand each other: locales, the demo admin, pages by name."""

    german: Locale
    english: Locale
    admin: object
    stdout: object
    pages: dict = field(default_factory=dict)

    def log(self, message):
        self.stdout.write(message)


def demo_data(package, name):
    """A builder's data file, read from its package (so an installed wheel works too)."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class Bilingual:
    """Takes the German side of data-file texts for a page's fields and remembers each English
    counterpart, so `translate_once` can translate exactly the segments that were written."""

    def __init__(self):
        self.english = {}

    def text(self, text):
        if not text:
            return ""
        if isinstance(text, dict):
            if text.get("en"):
                self.english[text["de"]] = text["en"]
            return text["de"]
        self.english[text] = text
        return text

    def rich_text(self, paragraphs):
        return "".join(f"<p>{self.text(paragraph)}</p>" for paragraph in paragraphs)

    def paragraph_blocks(self, paragraphs):
        return json.dumps(
            [{"type": "paragraph", "value": f"<p>{self.text(p)}</p>"} for p in paragraphs]
        )


def child_page(parent, page_factory, slug, **fields):
    """The child of `parent` with this slug, made (and published) by the factory if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return page_factory(parent=parent, slug=slug, **fields)


def translate_page(page, locale, english, user=None):
    """Translate `page` into `locale` through wagtail-localize, from a German→English dictionary.

    The English page then has a real TranslationSource, so the admin shows its translation status
    and a later change to the German page marks it out of date. Every German segment needs an
    entry: a missing one is a bug in the demo, not something to paper over. Translated pages are
    published right away (`core.factories.translate`), not when the transaction commits, so the
    demo comes out the same inside a test's transaction.
    """
    with transaction.atomic():
        try:
            return translate(page, locale, user=user, strings=english)
        except LookupError as error:
            raise CommandError(f"Demo content lacks an English text: {error}") from error


def translate_once(demo, instance, english):
    """Translate a page or snippet into English unless a real (non-alias) translation exists."""
    translated = instance.get_translation_or_none(demo.english)
    if translated is not None and getattr(translated, "alias_of_id", None) is None:
        return translated
    return translate_page(instance, demo.english, english, user=demo.admin)


def site_root():
    return Page.get_first_root_node()


def demo_image(title, alt, label="", seed=0, kind="logo", licence="cc0"):
    """A generated image (abstract shapes, initials) saved once as K3Image with alt text and credit.

    kind: "logo" (initials on a coloured field), "avatar" (abstract portrait), "picture" (shapes),
    "hero" (a wide picture of shapes over a dot grid, for the top of the home page).
    Idempotent by title.
    """
    existing = K3Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = _draw(kind, label, seed)
    filename = f"demo-{slugify(title)[:60]}.png"
    return save_image(picture, title, filename, description=alt, credit=CREDIT, licence=licence)


def save_image(picture, title, filename, **fields):
    """Save a drawn Pillow picture through the tests' image factory, with its file metadata."""
    buffer = io.BytesIO()
    if filename.endswith(".png"):
        picture.save(buffer, format="PNG", optimize=True)
    else:
        picture.save(buffer, format="JPEG", quality=88)
    data = buffer.getvalue()
    return K3ImageFactory(
        title=title,
        file=ContentFile(data, name=filename),
        width=picture.width,
        height=picture.height,
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
        **fields,
    )


CREDIT = "Grafik: K3 Demo"


PALETTE = [
    ((29, 26, 79), (255, 216, 77)),
    ((179, 19, 91), (255, 255, 255)),
    ((18, 99, 58), (244, 243, 250)),
    ((43, 42, 158), (255, 216, 77)),
    ((138, 75, 0), (255, 246, 229)),
    ((20, 19, 43), (201, 199, 220)),
]


def _draw(kind, label, seed):
    rng = random.Random(seed)
    background, foreground = PALETTE[seed % len(PALETTE)]
    size = {"logo": (400, 200), "avatar": (400, 400), "picture": (960, 540), "hero": (1600, 1000)}
    image = Image.new("RGB", size[kind], background)
    draw = ImageDraw.Draw(image)
    width, height = size[kind]
    if kind == "hero":
        for x in range(40, width, 40):
            for y in range(40, height, 40):
                draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill=foreground)
    for _shape in range({"picture": 6, "hero": 9}.get(kind, 3)):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(height // 6, height // 2)
        colour = tuple(min(255, c + rng.randrange(20, 90)) for c in background)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    if kind == "avatar":
        draw.ellipse((130, 70, 270, 210), fill=foreground)
        draw.pieslice((70, 230, 330, 500), 180, 360, fill=foreground)
    if label:
        font = ImageFont.load_default(size=96 if kind in ("picture", "hero") else height // 3)
        box = draw.textbbox((0, 0), label, font=font)
        position = ((width - (box[2] - box[0])) / 2, (height - (box[3] - box[1])) / 2 - box[1])
        draw.text(position, label, fill=foreground, font=font)
    return image


@contextmanager
def indexes_updated_at_the_end():
    """Skip the search and reference index updates on every save while the demo is built.

    The loader rebuilds both indexes once at the end; updating them per save roughly doubles the
    time of a fresh load.
    """
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
