"""The event editor's pick lists offer each topic and co-organiser once, in the page's language."""

import pytest
from django.urls import reverse

from core.factories import alias_in, translate

from .conftest import berlin

pytestmark = pytest.mark.django_db


def form_for(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.context["form"]


def test_topics_and_co_organisers_show_once_in_the_pages_language(admin_client, world):
    translate(world.copyright, "en", name="Test law")
    alias_in(world.beta, "en")
    add = reverse("wagtailadmin_pages:add", args=["events", "eventpage", world.alpha.pk])

    form = form_for(admin_client, add)

    topics = sorted(topic.name for topic in form.fields["topics"].queryset)
    assert topics == ["Testrecht", "Testwerkzeuge"]
    co_organisers = form.fields["co_organisers"].queryset
    assert [p.title for p in co_organisers].count("Partner test-beta") == 1
    assert {partner.locale_id for partner in co_organisers} == {world.german.pk}
    assert "Test law" not in admin_client.get(add).content.decode()


def test_a_choice_made_earlier_in_another_language_stays_valid(admin_client, world, make_event):
    english_topic = translate(world.copyright, "en", name="Test law")
    event = make_event("Alte Wahl", berlin(2027, 2, 1, 10), topics=[english_topic])

    form = form_for(admin_client, reverse("wagtailadmin_pages:edit", args=[event.pk]))

    assert english_topic in form.fields["topics"].queryset
    assert world.tools in form.fields["topics"].queryset
