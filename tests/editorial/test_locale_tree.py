"""Hardening: copies and moves stay in their locale tree; deleting a page takes its aliases along."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from core.factories import alias_in, locale
from network.factories import PartnerPageFactory

from .helpers import admin_in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_page(site):
    """A new live German partner page with its English alias (as the locale sync makes)."""
    page = PartnerPageFactory(title="Ortswechsel", slug="ortswechsel", city="Unna")
    alias = alias_in(page, site.en)
    # Aliases may have their own slug; this one's leaves the slug free for a (refused) move.
    alias.slug = "ortswechsel-en"
    alias.save()
    return page


@pytest.fixture(autouse=True)
def _english_admin(admin_user):
    admin_in_english(admin_user)


def _english_parent(page):
    """The English counterpart of the page's parent: a parent of the right type, wrong locale."""
    return page.get_parent().get_translation(locale("en"))


def _messages(response):
    return " ".join(str(message) for message in response.context["messages"])


def test_copy_into_the_other_locale_tree_is_refused(admin_client, german_page):
    url = reverse("wagtailadmin_pages:copy", args=[german_page.pk])
    english_parent = _english_parent(german_page)
    response = admin_client.post(
        url,
        {
            "new_title": "Kopie",
            "new_slug": "kopie-ins-englische",
            "new_parent_page": english_parent.pk,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Translate" in _messages(response)
    assert not Page.objects.filter(slug="kopie-ins-englische").exists()

    # Within the German tree a copy is made as before.
    response = admin_client.post(
        url,
        {
            "new_title": "Kopie",
            "new_slug": "kopie-im-deutschen",
            "new_parent_page": german_page.get_parent().pk,
        },
    )
    assert response.status_code == 302
    copy = Page.objects.get(slug="kopie-im-deutschen")
    assert copy.locale == locale("de")


def test_copy_with_a_missing_or_forged_parent_is_a_message_not_an_error(admin_client, german_page):
    url = reverse("wagtailadmin_pages:copy", args=[german_page.pk])
    for parent in ("", "keine-zahl", "999999999"):
        response = admin_client.post(
            url, {"new_title": "Kopie", "new_slug": "kopie-x", "new_parent_page": parent}
        )
        assert response.status_code == 302, parent
    assert not Page.objects.filter(slug="kopie-x").exists()


def test_move_into_the_other_locale_tree_is_refused(admin_client, german_page):
    english_parent = _english_parent(german_page)
    parent = german_page.get_parent()
    url = reverse("wagtailadmin_pages:move_confirm", args=[german_page.pk, english_parent.pk])
    for method in ("get", "post"):
        response = getattr(admin_client, method)(url, follow=True)
        assert response.status_code == 200
        assert "Translate" in _messages(response)
        assert Page.objects.get(pk=german_page.pk).get_parent().pk == parent.pk


def test_deleting_a_page_deletes_its_aliases_in_other_locales(admin_client, german_page):
    alias = german_page.get_translation(locale("en"))
    alias_url = alias.get_url()
    assert admin_client.get(alias_url).status_code == 200
    url = reverse("wagtailadmin_pages:delete", args=[german_page.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "aliases" in _messages(response)
    assert alias.title in _messages(response)

    response = admin_client.post(url)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=german_page.pk).exists()
    assert not Page.objects.filter(pk=alias.pk).exists()
    assert admin_client.get(alias_url).status_code == 404  # no English URL left behind


def test_bulk_delete_deletes_the_aliases_too(admin_client, german_page):
    alias = german_page.get_translation(locale("en"))
    bulk = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={german_page.pk}"
    )
    response = admin_client.post(bulk, {})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=german_page.pk).exists()
    assert not Page.objects.filter(pk=alias.pk).exists()
