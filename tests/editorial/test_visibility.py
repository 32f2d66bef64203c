"""Hardening: titles of other partners' drafts (and embargoed pages) stay out of partner editors'
choosers, reports and bulk-action pages; live pages stay choosable."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network.models import FellowProfilePage, PartnerPage

from .helpers import partner_editor

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Geheimplan Sommerfest"
EMBARGO_TITLE = "Sperrfrist Jahresbericht"
LIVE_TITLE = "Offenes Atelier"


def _child(parent, title, slug, live, go_live_at=None):
    page = PartnerPage(title=title, slug=slug, city="Hagen", live=live, go_live_at=go_live_at)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


@pytest.fixture
def pages_of_partner_a(partners):
    """Below partner A's network index: a draft, a page scheduled for later and a live page."""
    index = partners[0].get_parent()
    later = timezone.now() + datetime.timedelta(days=7)
    pages = {
        "live": _child(index, LIVE_TITLE, "offenes-atelier", live=True),
        "embargo": _child(index, EMBARGO_TITLE, "sperrfrist", live=False, go_live_at=later),
        "draft": _child(index, DRAFT_TITLE, "geheimplan", live=False),
    }
    # The draft is the last edited partner page, which the page-types report names.
    pages["draft"].save_revision()
    return pages


def _hidden_urls(pages):
    ids = "&".join(f"id={page.pk}" for page in pages.values())
    index = pages["draft"].get_parent()
    urls = [
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        # Any id can be put in the URL: the page is then shown as the parent row.
        reverse("wagtailadmin_choose_page_child", args=[pages["draft"].pk]),
        reverse("wagtailadmin_choose_page_child", args=[pages["embargo"].pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Geheimplan",
        reverse("wagtailadmin_choose_page_search") + "?q=Sperrfrist",
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:page_types_usage_results"),
        reverse("wagtailadmin_pages:type_use", args=["network", "partnerpage"]),
    ]
    for action in ("delete", "publish", "unpublish", "move"):
        urls.append(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?{ids}"
        )
    return urls


def _chooser_listing(client, parent):
    """Every page of the page chooser's listing below `parent`, joined."""
    url = reverse("wagtailadmin_choose_page_child", args=[parent.pk])
    listing, number = "", 1
    while True:
        response = client.get(url, {"p": number})
        html = response.json()["html"]
        listing += html
        if f"p={number + 1}" not in html:
            return listing
        number += 1


def test_other_partners_drafts_are_not_named(
    client, partners, pages_of_partner_a, django_user_model
):
    editor_b = partner_editor(django_user_model, partners[1])
    client.force_login(editor_b)
    leaks = []
    for url in _hidden_urls(pages_of_partner_a):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        content = response.content.decode()
        leaks += [(url, title) for title in (DRAFT_TITLE, EMBARGO_TITLE) if title in content]
    assert not leaks, "\n".join(f"{url}: {title}" for url, title in leaks)

    # Live pages stay choosable for links (on whichever page of the chooser they fall).
    index = pages_of_partner_a["live"].get_parent()
    assert LIVE_TITLE in _chooser_listing(client, index)
    search = reverse("wagtailadmin_choose_page_search") + "?q=Atelier"
    assert LIVE_TITLE in client.get(search).content.decode()


def test_a_live_translation_of_an_embargoed_page_is_not_named(
    client, partners, pages_of_partner_a, django_user_model
):
    from .helpers import english

    embargoed = pages_of_partner_a["embargo"]
    translation = embargoed.copy_for_translation(english(), copy_parents=True)
    translation.title = "Embargo Annual Report"
    translation.save_revision().publish()  # went live early, as a translation may
    client.force_login(partner_editor(django_user_model, partners[1]))
    search = reverse("wagtailadmin_choose_page_search") + "?q=Annual"
    assert "Embargo Annual Report" not in client.get(search).content.decode()


def test_editors_still_choose_their_own_drafts(client, partners, django_user_model):
    own = partners[0]
    draft = FellowProfilePage(
        title="Eigener Entwurf Xylophon", slug="eigener", cohort_year=2026, live=False
    )
    own.add_child(instance=draft)
    draft.save_revision()
    client.force_login(partner_editor(django_user_model, own))
    search = reverse("wagtailadmin_choose_page_search") + "?q=Xylophon"
    assert "Eigener Entwurf Xylophon" in client.get(search).content.decode()
