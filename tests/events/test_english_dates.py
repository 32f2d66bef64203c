"""Issue 15: English dates the British way, like the English text ("3 February 2027, 16:00"),
German ones unchanged ("3. Februar 2027, 16:00")."""

import re

from core.factories import first_or_create, translate
from network.factories import ProgramIndexPageFactory, ProgramPageFactory

from .conftest import berlin

# "Feb. 3, 2027, 4 p.m.", "February 3, 2027", "4 a.m."
AMERICAN = re.compile(r"\b(a\.m\.|p\.m\.|Jan\.|Feb\.|Dec\.)|(January|February|December) \d{1,2},")


def test_english_event_page_and_calendar(client, english_calendar):
    event = english_calendar.event_de
    event.registration_deadline = berlin(2027, 2, 1, 12)
    event.save_revision().publish()
    english = translate(event, "en", title="AI consultation hour")

    page = client.get(english.url).content.decode()
    assert "3 February 2027, 16:00" in page
    assert "17:00" in page
    assert "1 February 2027, 12:00" in page  # the registration deadline
    assert not AMERICAN.search(page)

    calendar = client.get(english_calendar.calendar.url).content.decode()
    assert "3 February 2027, 16:00" in calendar
    assert not AMERICAN.search(calendar)


def test_english_widget(client, english_calendar):
    html = client.get("/en/widget/events/").content.decode()
    assert "3 February 2027, 16:00" in html
    assert not AMERICAN.search(html)


def test_german_dates_stay_german(client, english_calendar):
    page = client.get(english_calendar.event_de.url).content.decode()
    assert "3. Februar 2027, 16:00" in page
    assert "17:00" in page


def test_english_call_dates(client, site):
    index = first_or_create(ProgramIndexPageFactory)
    program = ProgramPageFactory(
        parent=index,
        title="Akademie",
        call_title="Jahrgang",
        call_opens_at=berlin(2020, 12, 11, 16),
        call_deadline=berlin(2099, 12, 11, 16),
    )
    english = translate(program, "en", title="Academy")

    html = client.get(english.url).content.decode()
    assert "11 December 2020, 16:00" in html
    assert "11 December 2099, 16:00" in html
    assert not AMERICAN.search(html)
    german = client.get(program.url).content.decode()
    assert "11. Dezember 2099" in german
