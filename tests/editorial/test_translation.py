"""Acceptance 3 and 4: translating through wagtail-localize's admin views, with page rights."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.factories import alias_in
from core.factories import translate as factory_translate
from editorial.groups import REDAKTION, TRANSLATION
from network.factories import FellowProfilePageFactory, PartnerPageFactory
from taxonomy.models import Topic

from .helpers import (
    DENIED,
    edit_url,
    english,
    german,
    member_of,
    page_snapshot,
    partner_editor,
    sync_spaces,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fellow(partners):
    """A fresh German page in the first partner's space, live."""
    return FellowProfilePageFactory(
        parent=partners[0],
        slug="ada-test",
        title="Ada Test",
        cohort_year=2026,
        project_title="Maschinen, die träumen",
    )


def translate_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def sync_url(page):
    source = TranslationSource.objects.get_for_instance(page)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def publish_german(page, title, user=None):
    page = Page.objects.get(pk=page.pk).specific
    page.title = title
    page.save_revision(user=user).publish()
    return page


def test_translator_translates_and_syncs_but_cannot_change_german(
    client, fellow, django_user_model, django_capture_on_commit_callbacks
):
    translator = member_of(django_user_model, TRANSLATION, "uebersetzung")
    client.force_login(translator)
    en = english()

    # Translate: the English page is made, as a draft (published once translated).
    assert client.get(translate_url(fellow)).status_code == 200
    response = client.post(translate_url(fellow), {"locales": [en.pk]})
    assert response.status_code == 302
    translated = fellow.get_translation(en)
    assert translated.alias_of_id is None
    # The translator edits the English page (wagtail-localize's editor) …
    assert client.get(edit_url(translated)).status_code == 200

    # … but not the German source: neither its editor nor publishing nor deleting.
    before = page_snapshot(fellow)
    assert client.get(edit_url(fellow)).status_code in DENIED
    response = client.post(
        edit_url(fellow), {"title": "Übersetzer war hier", "action-publish": "action-publish"}
    )
    assert response.status_code in DENIED
    assert client.post(reverse("wagtailadmin_pages:delete", args=[fellow.pk])).status_code in DENIED
    assert page_snapshot(fellow) == before

    assert not translated.live

    # Sync after a German change, publishing at once: translators publish English pages.
    publish_german(fellow, "Ada Test (neu)")
    source = TranslationSource.objects.get_for_instance(fellow)
    synced_before = source.last_updated_at
    assert "publish_translations" in client.get(sync_url(fellow)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(fellow), {"publish_translations": "on"})
    assert response.status_code == 302
    assert response.url == edit_url(translated)  # back on the translation, not the German page
    source.refresh_from_db()
    assert source.last_updated_at > synced_before
    translated.refresh_from_db()
    assert translated.live and translated.title == "Ada Test (neu)"


def test_other_partners_editor_cannot_translate_or_sync(
    client, fellow, partners, django_user_model
):
    outsider = partner_editor(django_user_model, partners[1])
    en = english()
    client.force_login(outsider)
    before = page_snapshot(fellow)
    assert client.get(translate_url(fellow)).status_code in DENIED
    assert client.post(translate_url(fellow), {"locales": [en.pk]}).status_code in DENIED
    assert page_snapshot(fellow) == before
    assert not Translation.objects.filter(source__object_id=fellow.translation_key).exists()

    # Once translated by someone allowed, the outsider can neither sync nor publish it.
    client.force_login(member_of(django_user_model, REDAKTION, "redaktion"))
    assert client.post(translate_url(fellow), {"locales": [en.pk]}).status_code == 302
    publish_german(fellow, "Ada Test (geändert)")
    translated = fellow.get_translation(en)
    client.force_login(outsider)
    english_before = page_snapshot(translated)
    source = TranslationSource.objects.get_for_instance(fellow)
    synced = source.last_updated_at
    for data in ({}, {"publish_translations": "on"}):
        assert client.post(sync_url(fellow), data).status_code in DENIED
    assert page_snapshot(translated) == english_before
    source.refresh_from_db()
    assert source.last_updated_at == synced


def test_partner_editor_translation_of_live_page_stays_draft(
    client, fellow, partners, django_user_model
):
    editor = partner_editor(django_user_model, partners[0])
    client.force_login(editor)
    en = english()
    assert client.post(translate_url(fellow), {"locales": [en.pk]}).status_code == 302
    translated = fellow.get_translation(en)
    # The German page is live, but a partner editor may not publish: the translation waits.
    assert not translated.live or translated.alias_of_id is None
    assert not translated.live


def test_subtree_translation_is_refused_for_editors(client, partners, django_user_model):
    index = partners[0].get_parent()
    partner = PartnerPageFactory(parent=index, slug="teilbaum-test", title="Teilbaum-Test")
    child = FellowProfilePageFactory(parent=partner, slug="kind", title="Kind", cohort_year=2026)
    alias_in(child, "en")  # as locale synchronisation makes it, with its parent
    sync_spaces()
    client.force_login(partner_editor(django_user_model, partner))
    before = Translation.objects.count()
    response = client.post(
        translate_url(partner), {"locales": [english().pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    assert Translation.objects.count() == before
    # The same request without the subtree is valid and translates the page alone.
    response = client.post(translate_url(partner), {"locales": [english().pk]})
    assert response.status_code == 302
    assert Translation.objects.count() == before + 1


def test_full_round_trip_with_po_export_and_import(
    client, fellow, partners, django_user_model, django_capture_on_commit_callbacks
):
    en = english()
    moderator = member_of(django_user_model, REDAKTION, "redaktion")
    editor = partner_editor(django_user_model, partners[0])

    # 1. Translated (machine pre-fill with the dummy translator, then published by K3 Redaktion).
    client.force_login(moderator)
    assert client.post(translate_url(fellow), {"locales": [en.pk]}).status_code == 302
    translated = fellow.get_translation(en).specific
    translation = Translation.objects.get(
        source__object_id=fellow.translation_key, target_locale=en
    )
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url(translated)},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=en, translation_of__data="Maschinen, die träumen"
    ).exists()
    # wagtail-localize publishes on commit; the test's transaction never commits by itself.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(translated), {"action": "publish"}).status_code == 302
    translated.refresh_from_db()
    assert translated.live and translated.project_title != "Maschinen, die träumen"

    # 2. The German page changes: the English page is flagged out of date.
    publish_german(fellow, "Ada Test, Fellow 2026")
    response = client.get(edit_url(translated))
    assert "out of date" in response.content.decode() or "veraltet" in response.content.decode()
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ada Test, Fellow 2026" in dashboard

    # 3. Synced (and published) by K3 Redaktion: the flag goes, the English page follows.
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(fellow), {"publish_translations": "on"})
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.title == "Ada Test, Fellow 2026"  # new text falls back to German
    html = client.get(edit_url(translated)).content.decode()
    assert "out of date" not in html and "veraltet" not in html

    # 4. PO export, edited by an external translator, imported: the English page changes.
    po_response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert po_response.status_code == 200
    po = polib.pofile(po_response.content.decode())
    entry = next(e for e in po if e.msgid == "Ada Test, Fellow 2026")
    entry.msgstr = "Ada Test, Fellow 2026 (English)"
    upload = SimpleUploadedFile(
        "ada.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": edit_url(translated)},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(translated), {"action": "publish"}).status_code == 302
    translated.refresh_from_db()
    assert translated.title == "Ada Test, Fellow 2026 (English)"
    assert "Ada Test, Fellow 2026 (English)" in client.get(translated.url).content.decode()


def test_snippets_translate_the_same_way_with_rights(client, django_user_model, partners):
    topic = Topic.objects.create(
        name="Urheberrecht-Test", slug="urheberrecht-test", locale=german()
    )
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["taxonomy", "topic", topic.pk]
    )
    en = english()
    # A partner editor has no snippet rights: no translation through the back door.
    client.force_login(partner_editor(django_user_model, partners[0]))
    assert client.post(url, {"locales": [en.pk]}).status_code in DENIED
    assert topic.get_translation_or_none(en) is None
    # K3 Redaktion translates it.
    client.force_login(member_of(django_user_model, REDAKTION, "redaktion"))
    assert client.post(url, {"locales": [en.pk]}).status_code == 302
    assert topic.get_translation(en).name == "Urheberrecht-Test"


def test_a_draft_translation_stays_on_the_dashboard_until_published(
    client, fellow, partners, django_user_model
):
    draft = factory_translate(fellow, "en", publish=False, title="Ada Test (draft)")
    assert not draft.live
    client.force_login(partner_editor(django_user_model, partners[0]))

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="editorial-translations-content"') :]
    row = panel[panel.index(f'href="{edit_url(fellow)}"') :]
    row = row[: row.index("</tr>")]
    assert "in Arbeit, unveröffentlicht" in row
    assert f'href="{edit_url(draft)}">Übersetzung fortsetzen</a>' in row

    draft.save_revision().publish()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "in Arbeit, unveröffentlicht" not in html
