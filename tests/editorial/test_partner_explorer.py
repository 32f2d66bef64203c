"""Issue 13: the page explorer opens at a partner editor's own German partner page.

Wagtail would open it at Root (the common ancestor of the German and the English partner page),
between two home pages of the same title; there the home pages now show their language.
"""

import json
import re

import pytest
from django.urls import reverse

from core.factories import locale
from editorial.factories import moderator, partner_editor, translator

pytestmark = pytest.mark.django_db


def sidebar_explorer_start(response):
    """The start page id of the sidebar's "Pages" item (in the telepath-packed sidebar props)."""
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.DOTALL,
    )
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                found.append(value["_args"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(match.group(1)))
    (args,) = found
    return args[-1]


def test_explorer_root_redirects_a_partner_editor_to_the_german_partner_page(client, partners):
    partner = partners[0]
    client.force_login(partner_editor(partner))

    response = client.get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[partner.pk])


def test_partner_explorer_offers_the_english_partner_page(client, partners):
    partner = partners[0]
    english = partner.get_translation(locale("en"))
    client.force_login(partner_editor(partner))

    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)

    assert response.status_code == 200
    assert response.context["parent_page"].pk == partner.pk
    assert reverse("wagtailadmin_explore", args=[english.pk]) in response.content.decode()


def test_sidebar_pages_menu_starts_at_the_german_partner_page(client, partners):
    partner = partners[0]
    client.force_login(partner_editor(partner))

    response = client.get(reverse("wagtailadmin_home"))

    assert sidebar_explorer_start(response) == partner.pk


def test_moderators_still_start_at_root_and_tell_the_home_pages_apart(client, site, partners):
    client.force_login(moderator())

    response = client.get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 200
    assert sidebar_explorer_start(response) == site.root.pk
    content = response.content.decode()
    assert f"{site.home_de.title} (Deutsch)" in content
    assert f"{site.home_en.title} (Englisch)" in content


def test_translators_keep_wagtails_start_at_the_english_home(client, site, partners):
    client.force_login(translator())

    response = client.get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[site.home_en.pk])


def test_a_partner_editor_can_still_explore_the_english_partner_page(client, partners):
    partner = partners[0]
    english = partner.get_translation(locale("en"))
    client.force_login(partner_editor(partner))

    response = client.get(reverse("wagtailadmin_explore", args=[english.pk]))

    assert response.status_code == 200
    assert response.context["parent_page"].pk == english.pk


def test_the_explorer_root_still_asks_strangers_to_log_in(client, site):
    response = client.get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
