"""The index follows publishing, unpublishing, translating and deleting, with no manual step."""

import pytest
from wagtail.models import Page

from core.demo import translate_page

from .helpers import result_urls, search

pytestmark = pytest.mark.django_db


def test_publishing_a_new_revision_updates_the_index(client, make_page):
    page = make_page("wandel", "Quallenkunst")
    assert result_urls(search(client, "de", q="Quallenkunst")) == ["/de/wandel/"]

    page.title = "Seegurkenmalerei"
    page.save_revision().publish()

    assert result_urls(search(client, "de", q="Seegurkenmalerei")) == ["/de/wandel/"]
    assert result_urls(search(client, "de", q="Quallenkunst")) == []


def test_a_draft_is_not_found_until_published(client, make_page):
    page = make_page("wandel", "Quallenkunst")
    page.title = "Seegurkenmalerei"
    revision = page.save_revision()
    assert result_urls(search(client, "de", q="Seegurkenmalerei")) == []
    revision.publish()
    assert result_urls(search(client, "de", q="Seegurkenmalerei")) == ["/de/wandel/"]


def test_publishing_in_the_admin_updates_the_index(admin_client, client, make_page):
    page = make_page("wandel", "Quallenkunst")
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    form = edit.context["form"]
    data = {
        name: field.widget.format_value(form[name].value()) or ""
        for name, field in form.fields.items()
        if name not in ("body", "listing_image") and form[name].value() is not None
    }
    data.update(
        {
            "title": "Seegurkenmalerei",
            "slug": "wandel",
            "body-count": "0",
            "action-publish": "action-publish",
        }
    )
    data = {key: value for key, value in data.items() if value not in (None, False)}
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, form.errors
    assert result_urls(search(client, "de", q="Seegurkenmalerei")) == ["/de/wandel/"]


def test_unpublishing_in_the_admin_removes_the_page(admin_client, client, make_page):
    page = make_page("wandel", "Quallenkunst")
    response = admin_client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 302
    assert result_urls(search(client, "de", q="Quallenkunst")) == []


def test_deleting_in_the_admin_removes_the_page_and_its_index_entry(
    admin_client, client, make_page
):
    from wagtail.search.models import IndexEntry

    page = make_page("wandel", "Quallenkunst")
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    response = admin_client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    assert result_urls(search(client, "de", q="Quallenkunst")) == []


def test_translating_makes_the_english_page_findable(client, make_page, english, admin_user):
    page = make_page("wandel", "Quallenkunst", intro="Ein Abend.")
    translation = translate_page(
        page,
        english,
        {"Quallenkunst": "Jellyfish art", "Ein Abend.": "An evening.", "wandel": "change"},
        user=admin_user,
    )
    assert translation.live
    assert result_urls(search(client, "en", q="jellyfish")) == ["/en/change/"]
    assert result_urls(search(client, "de", q="jellyfish")) == []
