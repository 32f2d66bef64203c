"""Every page type is creatable only where it belongs and renders in both languages."""

import pytest

from home.models import HomePage, StandardPage
from network.models import (
    FellowIndexPage,
    FellowProfilePage,
    PartnerIndexPage,
    PartnerPage,
    ProgramIndexPage,
    ProgramPage,
)
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

ALLOWED_PARENTS = {
    ProgramIndexPage: {HomePage},
    ProgramPage: {ProgramIndexPage},
    PartnerIndexPage: {HomePage},
    PartnerPage: {PartnerIndexPage},
    FellowIndexPage: {HomePage},
    FellowProfilePage: {PartnerPage, FellowIndexPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage, PartnerPage},
    StandardPage: {HomePage, StandardPage},
}


@pytest.mark.parametrize("model", list(ALLOWED_PARENTS), ids=lambda m: m.__name__)
def test_page_type_is_creatable_only_below_its_parents(model):
    for parent in {*ALLOWED_PARENTS, HomePage}:
        allowed = parent in ALLOWED_PARENTS[model]
        assert (model in parent.allowed_subpage_models()) is allowed, (model.__name__, parent)
        assert (parent in model.allowed_parent_page_models()) is allowed, (model.__name__, parent)


def test_admin_offers_only_allowed_child_types(admin_client):
    partner = PartnerPage.objects.get(slug="kulturrat-nrw", locale__language_code="de")
    html = admin_client.get(f"/admin/pages/{partner.pk}/add_subpage/").content.decode()
    assert "/add/network/fellowprofilepage/" in html
    assert "/add/home/newspage/" in html
    assert "/add/network/programpage/" not in html
    response = admin_client.get(f"/admin/pages/add/network/programpage/{partner.pk}/")
    assert response.status_code in (302, 403)  # Wagtail answers with a redirect and a message
    assert response.get("Location", "/admin/") == "/admin/"


def test_admin_create_form_has_help_texts(admin_client):
    index = PartnerIndexPage.objects.get(locale__language_code="de")
    html = admin_client.get(f"/admin/pages/add/network/partnerpage/{index.pk}/").content.decode()
    assert "Stadt in Nordrhein-Westfalen" in html or "City in North Rhine-Westphalia" in html


DEMO_URLS = [
    ("/de/programme/", "/en/programs/", "Programme", "Programs"),
    ("/de/programme/ki-akademie/", "/en/programs/ki-akademie/", "Jahrgang 2027", "Cohort 2027"),
    ("/de/netzwerk/", "/en/network/", "Netzwerk", "Network"),
    ("/de/netzwerk/kulturrat-nrw/", "/en/network/kulturrat-nrw/", "Dachverband", "umbrella"),
    ("/de/fellows/", "/en/fellows/", "Fellows", "Fellows"),
    (
        "/de/netzwerk/beispiel-tanzhaus-duesseldorf/aylin-demir/",
        "/en/network/beispiel-tanzhaus-duesseldorf/aylin-demir/",
        "Schwarmkörper",
        "Swarm bodies",
    ),
    ("/de/aktuelles/", "/en/news/", "Aktuelles", "News"),
    ("/de/aktuelles/k3-startet/", "/en/news/k3-launches/", "K3 geht an den Start", "K3 gets going"),
    ("/de/impressum/", "/en/legal-notice/", "Impressum", "Legal notice"),
    ("/de/", "/en/", "Drei Programme", "Three programs"),
]


@pytest.mark.parametrize("german,english,text_de,text_en", DEMO_URLS)
def test_page_renders_in_both_languages(client, german, english, text_de, text_en):
    response_de = client.get(german)
    response_en = client.get(english)
    assert response_de.status_code == 200
    assert response_en.status_code == 200
    assert text_de in response_de.content.decode()
    html_en = response_en.content.decode()
    assert text_en in html_en
    assert "This page has not been translated yet" not in html_en


PARENT_SLUGS = {
    ProgramPage: ("programme", ProgramIndexPage),
    PartnerPage: ("netzwerk", PartnerIndexPage),
    FellowProfilePage: ("kulturrat-nrw", PartnerPage),
    NewsPage: ("aktuelles", NewsIndexPage),
    StandardPage: ("impressum", StandardPage),
}


@pytest.mark.parametrize("model", list(PARENT_SLUGS), ids=lambda m: m.__name__)
def test_admin_create_form_renders_for_every_type(admin_client, model):
    slug, parent_model = PARENT_SLUGS[model]
    parent = parent_model.objects.get(slug=slug, locale__language_code="de")
    label = model._meta
    response = admin_client.get(
        f"/admin/pages/add/{label.app_label}/{label.model_name}/{parent.pk}/"
    )
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()


def test_editor_can_create_a_news_page_through_the_admin(admin_client):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    index = NewsIndexPage.objects.get(locale__language_code="de")
    data = nested_form_data(
        {
            "title": "Neue Meldung",
            "slug": "neue-meldung",
            "date": "2026-11-01",
            "teaser": "Kurz gesagt.",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/home/newspage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # Live or waiting in the editorial workflow: either way it was created where it belongs.
    created = NewsPage.objects.get(slug="neue-meldung", locale=index.locale)
    assert created.get_parent().pk == index.pk
    assert str(created.date) == "2026-11-01"
