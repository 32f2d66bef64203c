"""The calendar caches its filter options and counts; readers must never see a stale one."""

import re

from .conftest import berlin

URL = "/de/veranstaltungen/"
ARCHIVE = URL + "archive/"


def found(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return int(re.search(r"Gefundene Veranstaltungen: (\d+)", response.content.decode())[1])


def set_clock(monkeypatch, moment):
    monkeypatch.setattr("events.models.current_time", lambda: moment)


def test_counts_follow_the_clock_without_any_change_to_content(
    client, world, make_event, monkeypatch
):
    make_event("Ends at one", berlin(2027, 1, 15, 11), berlin(2027, 1, 15, 13))
    make_event("Ends tomorrow", berlin(2027, 1, 16, 11), berlin(2027, 1, 16, 13))
    set_clock(monkeypatch, berlin(2027, 1, 15, 12))
    assert found(client, URL) == 2
    archived = found(client, ARCHIVE)

    set_clock(monkeypatch, berlin(2027, 1, 15, 13, 0, 1))  # the first one has just ended
    assert found(client, URL) == 1
    assert found(client, ARCHIVE) == archived + 1

    set_clock(monkeypatch, berlin(2027, 1, 15, 12, 59))  # and back: a count is not one-way
    assert found(client, URL) == 2
    assert found(client, ARCHIVE) == archived


def test_publishing_and_unpublishing_show_on_the_next_request(client, world, make_event):
    make_event("First", berlin(2027, 2, 1, 10), topics=[world.tools])
    assert found(client, URL, {"topic": "test-tools"}) == 1
    second = make_event("Second", berlin(2027, 2, 2, 10), topics=[world.tools])
    assert found(client, URL, {"topic": "test-tools"}) == 2
    second.unpublish()
    assert found(client, URL, {"topic": "test-tools"}) == 1


def test_changed_topics_and_venues_show_in_counts_and_options(client, world, make_event):
    event = make_event("Moving", berlin(2027, 2, 1, 10), topics=[world.tools])
    assert found(client, URL, {"topic": "test-tools"}) == 1
    event.topics.set([world.copyright])
    event.save()
    assert found(client, URL, {"topic": "test-tools"}) == 0
    assert found(client, URL, {"topic": "test-recht"}) == 1

    venue = world.bochum
    venue.city = "Neustadt"
    venue.save()
    html = client.get(URL, {"city": "Neustadt"}).content.decode()
    assert '<option value="Neustadt" selected>' in html
    assert "Testhausen" not in html


def test_cards_name_the_lead_organiser_and_follow_a_renamed_partner(client, world, make_event):
    make_event("Led by alpha", berlin(2027, 2, 1, 10))
    make_event("Led by beta", berlin(2027, 2, 2, 10), parent=world.beta)
    html = client.get(URL).content.decode()
    assert "Veranstaltet von Partner test-alpha" in html
    assert "Veranstaltet von Partner test-beta" in html

    beta = world.beta
    beta.title = "Beta-Theater"
    beta.save_revision().publish()
    html = client.get(URL).content.decode()
    assert "Veranstaltet von Beta-Theater" in html
    assert "Veranstaltet von Partner test-beta" not in html


def test_only_what_the_calendar_shows_moves_its_cache_on(world, make_event, django_user_model):
    from django.core.files.base import ContentFile

    from core.models import K3Document
    from events import caching

    before = caching.generation()
    django_user_model.objects.create_user("bystander", "bystander@example.org", "secret-pw-1")
    K3Document.objects.create(title="Satzung", file=ContentFile(b"%PDF-1.4", name="satzung.pdf"))
    assert caching.generation() == before

    make_event("Moves it on", berlin(2027, 3, 1, 10))
    assert caching.generation() > before
