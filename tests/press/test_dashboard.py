"""Issue 13: the press office sees its releases under embargo (each language with its own go-live
time) and its drafts on the dashboard, in its own time zone and language."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from core.factories import translate
from editorial.factories import moderator, press_officer
from press.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")


def schedule(page, go_live_at):
    """What "Set schedule" and "Publish" in the editor do."""
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def press_panel(html):
    start = html.index('id="press-releases-content"')
    return html[start : html.index("</table>", start)]


def row_of(panel, page):
    start = panel.index(f'data-press-release="{page.pk}"')
    return panel[start : panel.index("</tr>", start)]


def officer_in(language, time_zone):
    user = press_officer()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.current_time_zone = time_zone
    profile.save()
    return user


def shown(moment, language, time_zone, format_name="DATETIME_FORMAT"):
    with translation.override(language):
        return date_format(moment.astimezone(zoneinfo.ZoneInfo(time_zone)), format_name)


def test_press_sees_embargoed_releases_in_both_languages_and_drafts(client, room, release):
    in_two_days = timezone.now() + datetime.timedelta(days=2)
    german = PressReleasePageFactory(parent=room, title="Sperrfrist Montag", live=False)
    english = translate(german, "en", publish=False, title="Embargo Monday")
    schedule(german, in_two_days)
    schedule(english, in_two_days + datetime.timedelta(hours=1))
    draft = PressReleasePageFactory(parent=room, title="Entwurf Fellows", live=False)
    draft.save_revision()

    client.force_login(officer_in("en", "Asia/Tokyo"))
    panel = press_panel(client.get(DASHBOARD).content.decode())

    german_row = row_of(panel, german)
    assert "German" in german_row and "scheduled" in german_row
    assert shown(in_two_days, "en", "Asia/Tokyo") in german_row
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[german.pk])}"' in german_row
    english_row = row_of(panel, english)
    assert "English" in english_row and "scheduled" in english_row
    assert shown(english.go_live_at, "en", "Asia/Tokyo") in english_row
    # The scheduled release first, its German version before its English one.
    assert panel.index("Sperrfrist Montag") < panel.index("Embargo Monday")
    assert panel.index("Embargo Monday") < panel.index("Entwurf Fellows")

    draft_row = row_of(panel, draft)
    assert (
        "draft" in draft_row
        and f'href="{reverse("wagtailadmin_pages:edit", args=[draft.pk])}"' in draft_row
    )
    assert "not translated yet" in panel[panel.index("Entwurf Fellows") :]
    # Published and unchanged: nothing to do, not listed.
    assert release.title not in panel


def test_the_press_panel_speaks_the_admins_language(client, room):
    in_two_days = timezone.now() + datetime.timedelta(days=2)
    german = schedule(
        PressReleasePageFactory(parent=room, title="Sperrfrist", live=False), in_two_days
    )
    client.force_login(officer_in("de", "Europe/Berlin"))
    row = row_of(press_panel(client.get(DASHBOARD).content.decode()), german)
    assert "Deutsch" in row
    assert shown(in_two_days, "de", "Europe/Berlin") in row


def test_only_the_press_office_has_the_press_panel(client, room):
    client.force_login(moderator())
    assert 'id="press-releases' not in client.get(DASHBOARD).content.decode()
    client.force_login(press_officer())
    assert 'id="press-releases' in client.get(DASHBOARD).content.decode()
