"""Acceptance 1: every partner editor works in its own space and nowhere else (through HTTP)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from core.factories import alias_in, locale
from editorial.factories import partner_editor
from events.models import EventPage
from network.factories import FellowProfilePageFactory, PartnerPageFactory
from network.models import FellowProfilePage, PartnerPage
from news.models import NewsPage

from .helpers import DENIED, edit_url, editor_form_data, page_snapshot, sync_spaces

pytestmark = pytest.mark.django_db

NEW_CHILDREN = [
    # model, extra form data a browser would need for a valid page
    (FellowProfilePage, {"cohort_year": "2026"}),
    (NewsPage, {"date": "2026-09-01", "teaser": "Neu im Netzwerk."}),
    (
        EventPage,
        {
            "start": "2026-09-01 18:00",
            "end": "2026-09-01 20:00",
            "intro": "Ein Abend.",
            "format": "online",
            "online_url": "https://example.org/live",
            "online_access": "Der Link kommt nach der Anmeldung.",
        },
    ),
]


def _form_errors(response):
    return re.findall(
        r'class="error-message"[^>]*>\s*(?:<[^>]+>)*([^<]+)', response.content.decode()
    )


def forbidden_requests(page, own_partner):
    """(method, url, data) of everything a partner editor must not do to `page`."""
    revision = page.latest_revision  # aliases have none
    data = {"title": "Übernommen", "slug": page.slug}
    requests = [
        ("get", edit_url(page), None),
        ("post", edit_url(page), data),
        ("post", edit_url(page), {**data, "action-publish": "action-publish"}),
        ("post", edit_url(page), {**data, "action-submit": "action-submit"}),
        ("get", reverse("wagtailadmin_pages:unpublish", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {}),
        ("get", reverse("wagtailadmin_pages:move", args=[page.pk]), None),
        (
            "post",
            reverse("wagtailadmin_pages:move_confirm", args=[page.pk, own_partner.pk]),
            {},
        ),
        ("get", reverse("wagtailadmin_pages:delete", args=[page.pk]), None),
        ("post", reverse("wagtailadmin_pages:delete", args=[page.pk]), {}),
        ("get", reverse("wagtailadmin_pages:copy", args=[page.pk]), None),
        (
            "post",
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {
                "new_title": "Kopie",
                "new_slug": "kopie-von-fremd",
                "new_parent_page": own_partner.pk,
                "copy_subpages": "",
                "publish_copies": "",
            },
        ),
        ("post", reverse("wagtailadmin_pages:lock", args=[page.pk]), {}),
        ("get", reverse("wagtailadmin_pages:history", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:revisions_index", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:workflow_history", args=[page.pk]), None),
        ("get", reverse("wagtail_localize:submit_page_translation", args=[page.pk]), None),
        (
            "post",
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale("en").pk]},
        ),
    ]
    if revision is not None:
        requests += [
            (
                "get",
                reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
                None,
            ),
            (
                "get",
                reverse(
                    "wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk]
                ),
                None,
            ),
            (
                "get",
                reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
                None,
            ),
            (
                "post",
                reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, revision.pk]),
                {},
            ),
        ]
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is not None:
        sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
        requests += [
            ("get", sync_url, None),
            ("post", sync_url, {"publish_translations": "on"}),
            ("post", sync_url, {}),
        ]
    return requests


FORBIDDEN_AREAS = [
    ("wagtailusers_users:index", []),
    ("wagtailusers_users:add", []),
    ("wagtailusers_groups:index", []),
    ("wagtailusers_groups:add", []),
    ("wagtailsites:index", []),
    ("wagtaillocales:index", []),
    ("wagtailsnippets_navigation_navigation:list", []),
    ("wagtailadmin_workflows:index", []),
    ("wagtailredirects:index", []),
]


def assert_denied(client, page, own_partner, username, capture):
    for method, url, data in forbidden_requests(page, own_partner):
        before = page_snapshot(page)
        # Run on-commit work too (wagtail-localize publishes on commit), so nothing hides.
        with capture(execute=True):
            response = getattr(client, method)(url, data) if data is not None else client.get(url)
        assert response.status_code in DENIED, (username, method, url, response.status_code)
        assert page_snapshot(page) == before, (username, method, url)


def test_every_partner_editor_is_kept_out_of_other_spaces(
    client, site, partners, home_page, program_page, django_capture_on_commit_callbacks
):
    for number, partner in enumerate(partners):
        editor = partner_editor(partner)
        other = partners[(number + 1) % len(partners)]
        client.force_login(editor)
        for target in [other, other.get_translation(site.en), home_page, program_page]:
            assert_denied(
                client,
                target.specific,
                partner,
                editor.username,
                django_capture_on_commit_callbacks,
            )
        for name, args in FORBIDDEN_AREAS:
            # Followed to the end: the settings view first redirects to the site's own URL.
            response = client.get(reverse(name, args=args), follow=True)
            denied = (
                response.status_code == 403
                or response.redirect_chain[-1:]
                and (
                    response.redirect_chain[-1][0] in {reverse("wagtailadmin_home"), "/admin/"}
                    or "/login/" in response.redirect_chain[-1][0]
                )
            )
            assert denied, (editor.username, name, response.redirect_chain)


def test_every_partner_editor_edits_submits_and_adds_in_own_space(client, partners):
    for partner in partners:
        editor = partner_editor(partner)
        client.force_login(editor)

        response = client.get(edit_url(partner))
        assert response.status_code == 200, editor.username
        data = editor_form_data(response, PartnerPage)
        data["title"] = f"{partner.title} (überarbeitet)"
        data["action-submit"] = "action-submit"
        response = client.post(edit_url(partner), data)
        assert response.status_code == 302, (editor.username, _form_errors(response))
        partner.refresh_from_db()
        assert partner.latest_revision.as_object().title.endswith("(überarbeitet)")
        assert not partner.title.endswith("(überarbeitet)")  # not live before approval
        assert WorkflowState.objects.active().filter(object_id=str(partner.pk)).exists()

        for model, extra in NEW_CHILDREN:
            add_url = reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, partner.pk],
            )
            response = client.get(add_url)
            assert response.status_code == 200, (editor.username, add_url)
            data = editor_form_data(response, model)
            slug = f"neu-{model._meta.model_name}"
            data.update({"title": f"Neu: {model._meta.verbose_name}", "slug": slug, **extra})
            response = client.post(add_url, data)
            assert response.status_code == 302, (editor.username, model, _form_errors(response))
            child = Page.objects.child_of(partner).get(slug=slug)
            assert not child.live  # drafts until K3 Redaktion approves
            assert child.specific_class is model


def test_partner_editor_translates_own_page_but_not_other_partners(client, site, partners):
    # A partner new to the network: German only, an alias in the English tree.
    own = PartnerPageFactory(title="Neu im Probenetz", slug="neu-im-probenetz")
    alias_in(own, "en")
    sync_spaces()
    other = partners[0]
    client.force_login(partner_editor(own))
    en = site.en
    assert own.get_translation(en).alias_of_id == own.pk
    url = reverse("wagtail_localize:submit_page_translation", args=[own.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [en.pk]})
    assert response.status_code == 302
    translated = own.get_translation(en)
    assert translated.alias_of_id is None
    before = page_snapshot(other)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[other.pk]),
        {"locales": [en.pk]},
    )
    assert response.status_code in DENIED
    assert page_snapshot(other) == before


def test_another_institutions_page_says_whose_it_is(client, partners):
    """Opening another partner's page in the editor sends the editor back to the dashboard with
    the owner's name, in the admin's language; the editor's own pages open as before."""
    fellow = FellowProfilePageFactory(parent=partners[0], title="Ada Probe", cohort_year=2026)
    client.force_login(partner_editor(partners[1]))

    refused = client.get(edit_url(fellow), follow=True)
    assert refused.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    html = refused.content.decode()
    assert "Diese Seite gehört zu „Probebühne Wesel“" in html
    assert "Sie haben keine Berechtigung" not in html  # Wagtail's bare refusal is not added

    assert client.get(edit_url(partners[1])).status_code == 200


def test_the_dashboard_leads_partner_editors_to_their_institution(client, partners):
    own, other = partners
    FellowProfilePageFactory(parent=own, title="Ada Probe", cohort_year=2026)
    client.force_login(partner_editor(own))

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[
        html.index('id="editorial-my-institution-content"') : html.index(
            'id="editorial-moderation-section"'
        )
    ]

    english = own.get_translation(locale("en"))
    for page in (own, english):
        assert f'href="{edit_url(page)}"' in panel
        assert f'href="{reverse("wagtailadmin_explore", args=[page.pk])}"' in panel
    assert other.title not in panel
    fellows = re.search(r'content_type=\d+">Fellow-Profile: (\d+)</a>', panel)
    assert fellows is not None and fellows.group(1) == "1"
    listing = client.get(re.search(r'href="([^"]*content_type=\d+)">Fellow', panel).group(1))
    assert listing.status_code == 200 and "Ada Probe" in listing.content.decode()
