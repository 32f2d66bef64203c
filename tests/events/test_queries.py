"""Upcoming and past around midnight and the daylight-saving changes in Europe/Berlin."""

from events.models import EventPage

from .conftest import berlin


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_all_day_event_is_upcoming_until_midnight_berlin(make_event):
    event = make_event("Ganztags", berlin(2027, 2, 10, 15), berlin(2027, 2, 10, 16), all_day=True)
    event.refresh_from_db()
    assert event.start == berlin(2027, 2, 10, 0, 0)
    assert event.end == berlin(2027, 2, 10, 23, 59, 59)
    just_before = berlin(2027, 2, 10, 23, 59, 59)
    midnight = berlin(2027, 2, 11, 0, 0)
    assert event.pk in ids(EventPage.objects.upcoming(now=just_before))
    assert event.pk not in ids(EventPage.objects.past(now=just_before))
    assert event.pk not in ids(EventPage.objects.upcoming(now=midnight))
    assert event.pk in ids(EventPage.objects.past(now=midnight))


def test_timed_event_is_past_exactly_after_its_end(make_event):
    event = make_event("Abends", berlin(2027, 2, 10, 22), berlin(2027, 2, 11, 0, 0))
    assert event.pk in ids(EventPage.objects.upcoming(now=berlin(2027, 2, 11, 0, 0)))
    assert event.pk in ids(EventPage.objects.past(now=berlin(2027, 2, 11, 0, 0, 1)))


def test_all_day_event_on_the_day_clocks_go_forward(make_event):
    # 28 March 2027: 02:00 CET becomes 03:00 CEST, so the day has 23 hours.
    event = make_event("Umstellung", berlin(2027, 3, 28, 9), berlin(2027, 3, 28, 17), all_day=True)
    event.refresh_from_db()
    assert event.start == berlin(2027, 3, 28, 0, 0)
    assert (event.end - event.start).total_seconds() == 23 * 3600 - 1
    assert event.pk in ids(EventPage.objects.upcoming(now=berlin(2027, 3, 28, 23, 30)))
    assert event.pk in ids(EventPage.objects.past(now=berlin(2027, 3, 29, 0, 0)))


def test_all_day_event_on_the_day_clocks_go_back(make_event):
    # 31 October 2027: 03:00 CEST becomes 02:00 CET, so the day has 25 hours.
    event = make_event("Zurück", berlin(2027, 10, 31, 9), berlin(2027, 10, 31, 9), all_day=True)
    event.refresh_from_db()
    assert (event.end - event.start).total_seconds() == 25 * 3600 - 1
    assert event.pk in ids(EventPage.objects.upcoming(now=berlin(2027, 10, 31, 23, 59)))
    assert event.pk in ids(EventPage.objects.past(now=berlin(2027, 11, 1, 0, 0)))


def test_event_running_across_the_clock_change_is_upcoming_until_its_end(make_event):
    # 23 hours by the clock on the wall, 22 in fact: 12:00 CET to 11:00 CEST.
    event = make_event("Nachtwache", berlin(2027, 3, 27, 12), berlin(2027, 3, 28, 11))
    assert event.pk in ids(EventPage.objects.upcoming(now=berlin(2027, 3, 28, 10, 30)))
    assert event.pk in ids(EventPage.objects.past(now=berlin(2027, 3, 28, 11, 0, 1)))


def test_month_follows_berlin_midnight_not_utc(make_event):
    april = make_event("Spät im April", berlin(2027, 4, 30, 23, 30), berlin(2027, 4, 30, 23, 45))
    may = make_event("Früh im Mai", berlin(2027, 5, 1, 0, 15), berlin(2027, 5, 1, 1))
    in_may = ids(EventPage.objects.in_month(2027, 5))
    assert may.pk in in_may  # 2027-04-30 22:15 UTC
    assert april.pk not in in_may
    assert april.pk in ids(EventPage.objects.in_month(2027, 4))


def test_upcoming_is_soonest_first_and_past_latest_first(make_event):
    later = make_event("Später", berlin(2027, 6, 2, 10))
    sooner = make_event("Früher", berlin(2027, 6, 1, 10))
    upcoming = list(EventPage.objects.filter(pk__in=[later.pk, sooner.pk]).upcoming())
    assert upcoming == [sooner, later]
    past = list(EventPage.objects.filter(pk__in=[later.pk, sooner.pk]).past(now=berlin(2027, 7, 1)))
    assert past == [later, sooner]


def test_for_partner_counts_lead_and_co_organised_events(world, make_event):
    led = make_event("Geleitet", berlin(2027, 6, 1, 10), parent=world.alpha)
    co = make_event(
        "Mitveranstaltet",
        berlin(2027, 6, 1, 10),
        parent=world.beta,
        co_organisers=[world.alpha],
    )
    other = make_event("Fremd", berlin(2027, 6, 1, 10), parent=world.beta)
    found = ids(EventPage.objects.for_partner(world.alpha))
    assert {led.pk, co.pk} <= found
    assert other.pk not in found
    assert len(EventPage.objects.for_partner(world.alpha).filter(pk=co.pk)) == 1


def test_for_program(world, make_event):
    academy = make_event("Modul", berlin(2027, 6, 1, 10), program=world.academy)
    other = make_event("Webinar", berlin(2027, 6, 1, 10), program=world.education)
    found = ids(EventPage.objects.for_program(world.academy))
    assert academy.pk in found and other.pk not in found
