"""English pages get English addresses: the slug is a segment of the translation editor, old
addresses redirect, and syncing never brings the German slug back (issue 13)."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from core.factories import alias_in, translate
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def english_strings(page, **slug):
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    strings = {text: f"EN {text}" for text in texts}
    strings.update(slug)
    return strings


def translate_slug(page, slug, english_slug):
    """A translator's new English slug in the editor (the segment whose German text is `slug`)."""
    source = TranslationSource.objects.get_for_instance(page)
    segment = StringSegment.objects.get(source=source, context__path="slug")
    assert segment.string.data == slug
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=Page.objects.get(
            translation_key=page.translation_key, locale__language_code="en"
        ).locale,
        context=segment.context,
        defaults={"data": english_slug},
    )


def publish_translation(page):
    source = TranslationSource.objects.get_for_instance(page)
    source.translations.get().save_target(publish=True)


@pytest.fixture
def jellyfish(site, django_capture_on_commit_callbacks):
    """A German page /de/quallen/ whose English translation was published as /en/jellyfish/."""
    original = StandardPageFactory(parent=site.home_de, title="Quallen", slug="quallen")
    alias_in(original, "en")
    with django_capture_on_commit_callbacks(execute=True):
        translate(original, "en", strings=english_strings(original, quallen="jellyfish"))
    return original


def test_the_english_page_gets_its_english_slug_on_first_publishing(client, jellyfish):
    response = client.get("/en/jellyfish/")
    assert response.status_code == 200
    assert "EN Quallen" in response.content.decode()
    # the address the untranslated page had leads there
    response = client.get("/en/quallen/")
    assert response.status_code == 301 and response["Location"] == "/en/jellyfish/"
    assert client.get("/de/quallen/").status_code == 200


def test_a_changed_english_slug_redirects_from_the_old_address(
    client, jellyfish, django_capture_on_commit_callbacks
):
    translate_slug(jellyfish, "quallen", "jellyfish-facts")
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(jellyfish)

    assert client.get("/en/jellyfish-facts/").status_code == 200
    response = client.get("/en/jellyfish/")
    assert response.status_code == 301 and response["Location"] == "/en/jellyfish-facts/"


def test_syncing_keeps_the_english_slug(
    admin_client, jellyfish, django_capture_on_commit_callbacks
):
    german = Page.objects.get(pk=jellyfish.pk).specific
    german.slug = "quallen-im-meer"
    german.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(german)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302

    assert admin_client.get("/de/quallen-im-meer/").status_code == 200
    assert admin_client.get("/en/jellyfish/").status_code == 200
    assert admin_client.get("/en/quallen-im-meer/").status_code == 404
