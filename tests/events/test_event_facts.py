"""An event page's organisers, topics and programme are kept like a look-up for every reader of
the published page (EventPage.reader_facts); an editor's preview shows the draft's own."""

from bs4 import BeautifulSoup

from .conftest import berlin


def organised_by(response):
    assert response.status_code == 200
    facts = BeautifulSoup(response.content, "html.parser").select_one("dl.facts")
    label = next(dt for dt in facts.find_all("dt") if dt.get_text() == "Veranstaltet von")
    return [link.get_text() for link in label.find_next_sibling("dd").find_all("a")]


def test_a_preview_shows_the_drafts_organisers_and_readers_keep_the_published_ones(
    client, world, make_event
):
    event = make_event("Gemeinsamer Abend", berlin(2027, 2, 1, 18), co_organisers=[world.beta])
    published = [world.alpha.title, world.beta.title]
    assert organised_by(client.get(event.url)) == published

    event.co_organisers.set([])
    event.save_revision()  # a draft: readers still get the published page
    # What the admin's preview panel serves (the edit form's own POST is the admin's business).
    preview = event.get_latest_revision_as_object().make_preview_request()
    assert organised_by(preview) == [world.alpha.title]
    assert organised_by(client.get(event.url)) == published


def test_a_published_change_of_organisers_shows_on_the_next_request(client, world, make_event):
    event = make_event("Gemeinsamer Abend", berlin(2027, 2, 1, 18), co_organisers=[world.beta])
    assert organised_by(client.get(event.url)) == [world.alpha.title, world.beta.title]
    event.co_organisers.set([])
    event.save_revision().publish()
    assert organised_by(client.get(event.url)) == [world.alpha.title]
