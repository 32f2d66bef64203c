"""Alt texts and captions of the images on a page are segments of its translation, so English
readers get English alt texts and captions (issue 13)."""

import json
import re

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from core.factories import K3ImageFactory, alias_in, translate
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

STRINGS = {
    "Quallen": "Jellyfish",
    "quallen": "jellyfish",
    "Ein kurzer Vorspann.": "A short introduction.",
    "Eine Qualle im Aquarium in Münster": "A jellyfish in the aquarium in Münster",
    "Qualle, 2025": "Jellyfish, 2025",
    "Zwei Quallen treiben im Meer": "Two jellyfish drifting in the sea",
    "Quallen vor Borkum": "Jellyfish off Borkum",
}


@pytest.fixture
def page(site):
    """A page with two images: one with alt text and caption chosen on the page, one that uses
    the image's own (German) alt text and caption."""
    chosen = K3ImageFactory(description="Eine Qualle (Bildarchiv)", caption="")
    own = K3ImageFactory(description="Zwei Quallen treiben im Meer", caption="Quallen vor Borkum")
    body = [
        {
            "type": "image",
            "value": {
                "image": chosen.pk,
                "alt_text": "Eine Qualle im Aquarium in Münster",
                "caption": "Qualle, 2025",
            },
        },
        {"type": "image", "value": {"image": own.pk, "alt_text": "", "caption": ""}},
    ]
    page = StandardPageFactory(
        parent=site.home_de, title="Quallen", slug="quallen", body=json.dumps(body)
    )
    alias_in(page, "en")
    return page


def segments_by_field(page):
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return {(segment.context.path.rsplit(".", 1)[-1], segment.string.data) for segment in segments}


def test_alt_texts_and_captions_are_segments(page):
    segments = segments_by_field(page)
    assert ("alt_text", "Eine Qualle im Aquarium in Münster") in segments
    assert ("caption", "Qualle, 2025") in segments
    # left empty on the page: the image's own alt text and caption are offered
    assert ("alt_text", "Zwei Quallen treiben im Meer") in segments
    assert ("caption", "Quallen vor Borkum") in segments


def test_translated_alt_texts_and_captions_render_on_the_english_page(client, page):
    translate(page, "en", strings=STRINGS)

    html = client.get("/en/jellyfish/").content.decode()
    images = re.findall(r"<img [^>]*>", html)
    assert any('alt="A jellyfish in the aquarium in Münster"' in tag for tag in images)
    assert any('alt="Two jellyfish drifting in the sea"' in tag for tag in images)
    assert not any('lang="de"' in tag for tag in images)
    assert "Jellyfish, 2025" in html and "Jellyfish off Borkum" in html
    assert "Quallen" not in html.split('<main id="main"')[1].split("</main>")[0]

    german = client.get("/de/quallen/").content.decode()
    assert 'alt="Zwei Quallen treiben im Meer"' in german and "Quallen vor Borkum" in german
