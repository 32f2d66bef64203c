"""The shared body blocks render accessibly and load nothing from other hosts."""

import json

import pytest
from wagtail.blocks import StructBlockValidationError

from core.blocks import TwoClickVideoBlock
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_blocks(site):
    body = [
        {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
        {
            "type": "quote",
            "value": {"quote": "KI verändert die Künste.", "attribution": "Eine Stimme"},
        },
        {
            "type": "faq",
            "value": {
                "heading": "Fragen",
                "items": [
                    {
                        "question": "Wer kann teilnehmen?",
                        "answer": "<p>Alle Kulturakteur*innen.</p>",
                    }
                ],
            },
        },
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "Netzwerkauftakt",
                "transcript": "<p>Begrüßung und Vorstellung.</p>",
            },
        },
    ]
    return StandardPageFactory(
        parent=site.home_de, title="Blöcke", slug="bloecke", body=json.dumps(body)
    )


def test_body_blocks_render(client, page_with_blocks):
    html = client.get(page_with_blocks.url).content.decode()
    assert "<h2>Worum es geht</h2>" in html
    assert "<blockquote><p>KI verändert die Künste.</p></blockquote>" in html
    assert "<summary>Wer kann teilnehmen?</summary>" in html


def test_video_loads_nothing_from_the_host_before_a_click(client, page_with_blocks):
    html = client.get(page_with_blocks.url).content.decode()
    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'src="https://' not in html
    assert "Video von YouTube laden" in html


def test_video_block_accepts_only_youtube_and_vimeo():
    block = TwoClickVideoBlock()
    value = block.to_python(
        {"url": "https://evil.example.org/video", "title": "x", "transcript": ""}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    ok = block.to_python({"url": "https://vimeo.com/123456", "title": "x", "transcript": ""})
    assert block.clean(ok).embed_url() == "https://player.vimeo.com/video/123456?dnt=1"
