"""After "Sync translated pages", the live English event never shows older facts than the live
German one, and no translated draft text goes live with them (issue 13)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from core.factories import first_or_create, translate
from editorial.groups import TRANSLATION
from events.factories import EventIndexPageFactory, EventPageFactory
from tests.editorial.helpers import member_of, sync_spaces

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(site):
    """A German event with 20 places and its published English translation."""
    index = first_or_create(EventIndexPageFactory)
    translate(index, "en", title="Events", slug="events")
    event = EventPageFactory(
        parent=index, title="Quallenlabor", slug="quallenlabor", places=20, intro="Wir forschen."
    )
    translate(event, "en", title="Jellyfish lab", slug="jellyfish-lab", intro="We research.")
    return event


def publish_german(event, **fields):
    event = Page.objects.get(pk=event.pk).specific
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision().publish()
    return event


def sync_without_publishing(client, event, django_user_model):
    """'Sync translated pages' as a translator, who may sync but not publish."""
    sync_spaces()  # makes the groups with their rights
    client.force_login(member_of(django_user_model, TRANSLATION, "uebersetzung"))
    source = TranslationSource.objects.get_for_instance(event)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(url, {}).status_code == 302
    client.logout()


def test_a_sync_brings_changed_facts_to_the_live_english_page(client, event, django_user_model):
    new_start = event.start + timedelta(days=1)
    publish_german(event, places=25, start=new_start, end=event.end + timedelta(days=1))
    assert "Places: 20" in client.get("/en/events/jellyfish-lab/").content.decode()

    sync_without_publishing(client, event, django_user_model)

    html = client.get("/en/events/jellyfish-lab/").content.decode()
    assert "Places: 25" in html and "Places: 20" not in html
    english = Page.objects.get(
        translation_key=event.translation_key, locale__language_code="en"
    ).specific
    assert english.start == new_start
    # the English text stays the published one, the German change waits for the translator
    assert "Jellyfish lab" in html and "We research." in html


def test_a_sync_does_not_publish_translated_draft_text(client, event, django_user_model):
    english = Page.objects.get(translation_key=event.translation_key, locale__language_code="en")
    english = english.specific
    english.intro = "We research jellyfish (draft)."
    english.save_revision()
    publish_german(event, places=25, intro="Wir erforschen Quallen.")

    sync_without_publishing(client, event, django_user_model)

    html = client.get("/en/events/jellyfish-lab/").content.decode()
    assert "Places: 25" in html
    assert "We research." in html
    assert "(draft)" not in html and "Wir erforschen Quallen." not in html
