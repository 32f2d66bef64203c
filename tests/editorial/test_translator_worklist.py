"""Issue 13: translators finish their work from the admin.

Their dashboard lists German pages and snippets whose English is missing, in progress or out of
date, with the action that fixes each; they sync from there or from the out-of-date warning and
land back on the translation; they publish English translations, never touch German originals,
and cannot convert a translation back into an alias.
"""

import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localtime
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from core.factories import alias_in, translate
from editorial.factories import moderator, partner_editor, translator
from editorial.worklist import TranslatorWorklistPanel
from home.factories import StandardPageFactory
from network.factories import FellowProfilePageFactory, PartnerPageFactory
from taxonomy.factories import TopicFactory

from .helpers import DENIED, admin_in_english, edit_url, english, page_snapshot

pytestmark = pytest.mark.django_db


def dashboard_rows(client):
    """{title: (state, html of the row)} of the translators' work list on the dashboard."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index('id="editorial-translator-worklist-content"')
    panel = html[start : html.index("</table>", start)]
    rows = {}
    for state, row in re.findall(r'<tr data-worklist-state="([^"]+)">(.*?)</tr>', panel, re.S):
        title = unescape(re.search(r"<td>\s*(.*?)<br>", row, re.S).group(1).strip())
        rows[title] = (state, unescape(row))
    return rows


def sync_url(instance, next_url):
    source = TranslationSource.objects.get_for_instance(instance)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return f"{url}?{urlencode({'next': next_url})}"


def publish_german(page, title):
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()
    return page


def snippet_edit_url(snippet):
    return reverse("wagtailsnippets_taxonomy_topic:edit", args=[snippet.pk])


@pytest.fixture
def translator_client(client, site):
    user = translator(username="uebersetzung-test")
    admin_in_english(user)
    client.force_login(user)
    return client


def test_pages_in_each_state_with_their_action(translator_client, site):
    en = english()
    missing = StandardPageFactory(title="Seite ohne Englisch", slug="ohne-englisch")
    alias_in(missing, "en")
    started = StandardPageFactory(title="Seite in Arbeit", slug="in-arbeit")
    started_en = translate(started, en, publish=False)
    stale = StandardPageFactory(title="Seite veraltet", slug="veraltet")
    stale_en = translate(stale, en)
    stale = publish_german(stale, "Seite veraltet, neu")
    done = StandardPageFactory(title="Seite übersetzt", slug="uebersetzt")
    translate(done, en)
    StandardPageFactory(title="Deutscher Entwurf", slug="entwurf", live=False)

    rows = dashboard_rows(translator_client)

    state, row = rows["Seite ohne Englisch"]
    assert state == "missing"
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[missing.pk])
    assert f'href="{translate_url}?select_locale=en">Translate</a>' in row
    assert "<small>Standard page · K3</small>" in row
    state, row = rows["Seite in Arbeit"]
    assert state == "in-progress"
    assert f'href="{edit_url(started_en)}">Continue translation</a>' in row
    state, row = rows["Seite veraltet, neu"]
    assert state == "outdated"
    assert f'href="{sync_url(stale, edit_url(stale_en))}">Sync</a>' in row
    # When the German version was last published.
    published = localtime(Page.objects.get(pk=stale.pk).last_published_at)
    assert f'datetime="{published.isoformat()}"' in row
    # Done, or not approved in German yet: nothing to do.
    assert "Seite übersetzt" not in rows
    assert "Deutscher Entwurf" not in rows
    # Most urgent first.
    states = [state for state, _row in rows.values()]
    assert states == sorted(states, key=["outdated", "in-progress", "missing"].index)


def test_snippets_in_each_state_with_their_action(translator_client, site):
    en = english()
    missing = TopicFactory(name="Thema ohne Englisch")
    started = TopicFactory(name="Thema in Arbeit")
    started_en = translate(started, en)  # made, but its text is still German
    stale = TopicFactory(name="Thema veraltet")
    stale_en = translate(stale, en, strings={"Thema veraltet": "Outdated topic"})
    done = TopicFactory(name="Thema fertig")
    translate(done, en, strings={"Thema fertig": "Finished topic"})

    # K3 Redaktion changes the German topic in the admin after it was translated.
    redaktion = Client()
    redaktion.force_login(moderator(username="redaktion-test"))
    response = redaktion.post(
        snippet_edit_url(stale), {"name": "Thema veraltet, neu", "slug": stale.slug}
    )
    assert response.status_code == 302

    client = translator_client
    rows = dashboard_rows(client)
    state, row = rows["Thema ohne Englisch"]
    assert state == "missing"
    translate_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["taxonomy", "topic", missing.pk]
    )
    assert f'href="{translate_url}?select_locale=en">Translate</a>' in row
    state, row = rows["Thema in Arbeit"]
    assert state == "in-progress"
    assert f'href="{snippet_edit_url(started_en)}">Continue translation</a>' in row
    state, row = rows["Thema veraltet, neu"]
    assert state == "outdated"
    assert f'href="{sync_url(stale, snippet_edit_url(stale_en))}">Sync</a>' in row
    assert "Thema fertig" not in rows

    # The English topic's editor says so, with the button to sync.
    html = client.get(snippet_edit_url(stale_en)).content.decode()
    assert "out of date" in html
    assert f'href="{sync_url(stale, snippet_edit_url(stale_en)).replace("&", "&amp;")}"' in html

    # Syncing it from the list leads back to the English topic, whose new text is now to be
    # translated.
    response = client.post(sync_url(stale, snippet_edit_url(stale_en)), {})
    assert response.status_code == 302
    assert response.url == snippet_edit_url(stale_en)
    state, row = dashboard_rows(client)["Thema veraltet, neu"]
    assert state == "in-progress"
    assert f'href="{snippet_edit_url(stale_en)}">Continue translation</a>' in row


def test_pages_of_the_same_name_stay_apart_by_their_partner(translator_client, site):
    for name in ("Theater Eins", "Museum Zwei"):
        partner = PartnerPageFactory(title=name)
        alias_in(partner, "en")
        workshop = StandardPageFactory(parent=partner, title="Workshop")
        alias_in(workshop, "en")

    html = translator_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Standard page · Theater Eins" in unescape(html)
    assert "Standard page · Museum Zwei" in unescape(html)


def test_only_translators_get_the_work_list(client, site):
    StandardPageFactory(title="Seite ohne Englisch", slug="ohne-englisch")
    for user in (moderator(username="redaktion-test"), translator(username="uebersetzung-test")):
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert ('id="editorial-translator-worklist-content"' in html) == (
            user.username.startswith("ueb")
        )


def render_panel():
    with CaptureQueriesContext(connection) as queries:
        html = TranslatorWorklistPanel().render_html({})
    return html, len(queries)


def test_work_list_queries_do_not_grow_with_its_rows(site):
    en = english()

    def one_of_each(n):
        StandardPageFactory(title=f"Fehlt {n}", slug=f"fehlt-{n}")
        translate(StandardPageFactory(title=f"Entwurf {n}", slug=f"entwurf-{n}"), en, publish=False)
        TopicFactory(name=f"Thema fehlt {n}")
        translate(TopicFactory(name=f"Thema begonnen {n}"), en)

    one_of_each(0)
    html, few = render_panel()
    assert "Fehlt 0" in html and "Thema begonnen 0" in html
    for n in range(1, 6):
        one_of_each(n)
    html, many = render_panel()
    assert "Fehlt 5" in html and "Thema begonnen 5" in html
    assert many == few


def test_work_list_is_bounded_with_a_total(site):
    for n in range(30):
        TopicFactory(name=f"Massenthema {n:02}")
    html, _queries = render_panel()
    shown = html.count("<tr data-worklist-state=")
    assert shown == 25
    total = re.search(r"(\d+) of (\d+) shown", html) or re.search(r"(\d+) von (\d+)", html)
    assert total and int(total.group(1)) == 25 and int(total.group(2)) >= 30


@pytest.fixture
def outdated_fellow(site):
    """A German fellow page in a partner space, translated and published in English, then
    changed and published again in German: its translation is out of date."""
    from network.factories import PartnerPageFactory

    from .helpers import sync_spaces

    partner = PartnerPageFactory(title="Probebühne Wesel", slug="probebuehne-wesel")
    alias_in(partner, "en")
    fellow = FellowProfilePageFactory(
        parent=partner, slug="ada-test", title="Ada Test", cohort_year=2026
    )
    english_fellow = translate(fellow, english())
    publish_german(fellow, "Ada Test (neu)")
    sync_spaces()
    return fellow, english_fellow


def test_sync_form_offers_publishing_only_to_publishers(client, outdated_fellow):
    fellow, english_fellow = outdated_fellow
    url = sync_url(fellow, edit_url(english_fellow))
    partner = fellow.get_parent()

    # The partner's editor may sync the page of their space, but not publish it.
    client.force_login(partner_editor(partner))
    form = client.get(url).content.decode()
    assert 'name="publish_translations"' not in form
    before = page_snapshot(english_fellow)
    assert client.post(url, {"publish_translations": "on"}).status_code in DENIED
    assert page_snapshot(english_fellow) == before
    response = client.post(url, {})
    assert response.status_code == 302
    assert response.url == edit_url(english_fellow)
    english_fellow.refresh_from_db()
    assert english_fellow.title == "Ada Test"  # synced, the new German text waits in the editor

    # A translator is offered "Publish immediately".
    client.force_login(translator(username="uebersetzung-test"))
    assert 'name="publish_translations"' in client.get(url).content.decode()


def test_sync_without_next_lands_on_the_translation(
    client, outdated_fellow, django_capture_on_commit_callbacks
):
    fellow, english_fellow = outdated_fellow
    client.force_login(translator(username="uebersetzung-test"))
    source = TranslationSource.objects.get_for_instance(fellow)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert response.url == edit_url(english_fellow)
    english_fellow.refresh_from_db()
    assert english_fellow.live and english_fellow.title == "Ada Test (neu)"


def test_out_of_date_warning_carries_the_sync_button_for_those_who_may(client, outdated_fellow):
    fellow, english_fellow = outdated_fellow
    button = sync_url(fellow, edit_url(english_fellow)).replace("&", "&amp;")
    user = translator(username="uebersetzung-test")
    admin_in_english(user)
    client.force_login(user)
    html = client.get(edit_url(english_fellow)).content.decode()
    assert "out of date" in html
    assert f'href="{button}"' in html

    # K3 Redaktion, on the German page, gets the button back to the German page.
    client.force_login(moderator(username="redaktion-test"))
    html = client.get(edit_url(fellow)).content.decode()
    assert sync_url(fellow, edit_url(fellow)).replace("&", "&amp;") in html


def test_translator_publishes_english_but_cannot_touch_german(
    client, site, django_capture_on_commit_callbacks
):
    en = english()
    page = StandardPageFactory(title="Über uns", slug="ueber-uns", intro="Wir sind K3.")
    topic = TopicFactory(name="Barrierefreiheit")
    user = translator(username="uebersetzung-test")
    client.force_login(user)

    # Translate (a draft), then publish in English from the translation editor.
    submit = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(submit, {"locales": [en.pk]})
    english_page = page.get_translation(en)
    assert response.url == edit_url(english_page)
    assert not english_page.live
    editor = client.get(edit_url(english_page)).content.decode()
    assert "&quot;canPublish&quot;: true" in editor
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(english_page), {"action": "publish"}).status_code == 302
    english_page.refresh_from_db()
    assert english_page.live

    # Snippets: translated into English, the German one stays untouchable.
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["taxonomy", "topic", topic.pk]
    )
    assert client.post(url, {"locales": [en.pk]}).status_code == 302
    assert topic.get_translation_or_none(en) is not None
    response = client.post(snippet_edit_url(topic), {"name": "Übersetzer war hier", "slug": "x"})
    assert response.status_code in DENIED
    topic.refresh_from_db()
    assert topic.name == "Barrierefreiheit"

    # German pages: no editing, no publishing.
    before = page_snapshot(page)
    assert client.get(edit_url(page)).status_code in DENIED
    response = client.post(edit_url(page), {"title": "Übersetzer war hier", "action-publish": "1"})
    assert response.status_code in DENIED
    assert page_snapshot(page) == before


def test_convert_to_alias_is_not_offered_to_translators(client, outdated_fellow):
    _fellow, english_fellow = outdated_fellow
    convert = reverse("wagtail_localize:convert_to_alias", args=[english_fellow.pk])

    client.force_login(translator(username="uebersetzung-test"))
    assert english_fellow.permissions_for_user(
        translator(username="uebersetzung-test")
    ).can_publish()
    editor = client.get(edit_url(english_fellow)).content.decode()
    assert "&quot;convertToAliasUrl&quot;: null" in editor
    before = page_snapshot(english_fellow)
    assert client.post(convert).status_code in DENIED
    assert page_snapshot(english_fellow) == before

    # K3 Redaktion, who publishes both languages, still may.
    client.force_login(moderator(username="redaktion-test"))
    editor = client.get(edit_url(english_fellow)).content.decode()
    assert f"&quot;convertToAliasUrl&quot;: &quot;{convert}&quot;" in editor
    assert Translation.objects.filter(target_locale=english()).exists()
