"""Every page type is creatable only where it belongs and renders in both languages."""

import pytest

from core.factories import first_or_create, translate
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from network.factories import (
    FellowIndexPageFactory,
    FellowProfilePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from network.models import (
    FellowIndexPage,
    FellowProfilePage,
    PartnerIndexPage,
    PartnerPage,
    ProgramIndexPage,
    ProgramPage,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
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


def add_path(model):
    """Where the admin adds a page of this type (named from the model, so it follows app moves)."""
    return f"/add/{model._meta.app_label}/{model._meta.model_name}/"


def add_url(model, parent):
    return f"/admin/pages{add_path(model)}{parent.pk}/"


def test_admin_offers_only_allowed_child_types(admin_client, site):
    partner = PartnerPageFactory()
    html = admin_client.get(f"/admin/pages/{partner.pk}/add_subpage/").content.decode()
    assert add_path(FellowProfilePage) in html
    assert add_path(NewsPage) in html
    assert add_path(ProgramPage) not in html
    response = admin_client.get(add_url(ProgramPage, partner))
    assert response.status_code in (302, 403)  # Wagtail answers with a redirect and a message
    assert response.get("Location", "/admin/") == "/admin/"


def test_admin_create_form_has_help_texts(admin_client, site):
    index = first_or_create(PartnerIndexPageFactory)
    html = admin_client.get(add_url(PartnerPage, index)).content.decode()
    assert "Stadt in Nordrhein-Westfalen" in html or "City in North Rhine-Westphalia" in html


# Each page type with its German and English title; parents are made by the factories.
PAGE_TYPES = [
    (ProgramIndexPageFactory, "Programme", "Programs"),
    (ProgramPageFactory, "Sommerakademie", "Summer academy"),
    (PartnerIndexPageFactory, "Netzwerk", "Network"),
    (PartnerPageFactory, "Medienwerk Unna", "Medienwerk Unna (en)"),
    (FellowIndexPageFactory, "Fellows", "Fellows (en)"),
    (FellowProfilePageFactory, "Jule Brandt", "Jule Brandt (en)"),
    (NewsIndexPageFactory, "Aktuelles", "News"),
    (NewsPageFactory, "Labor eröffnet", "Lab opens"),
    (StandardPageFactory, "Anfahrt", "Directions"),
]


@pytest.mark.parametrize(
    "page_factory,title_de,title_en", PAGE_TYPES, ids=lambda value: getattr(value, "__name__", "")
)
def test_page_renders_in_both_languages(client, site, page_factory, title_de, title_en):
    model = page_factory._meta.model
    page = model.objects.child_of(site.home_de).first() if model.max_count_per_parent else None
    if page is None:  # index pages exist once: the demo's are reused when it is loaded
        page = page_factory(title=title_de)
    else:
        page.title = title_de
        page.save_revision().publish()
    english = translate(page, "en", title=title_en)
    response_de = client.get(page.url)
    response_en = client.get(english.url)
    assert response_de.status_code == 200
    assert response_en.status_code == 200
    assert title_de in response_de.content.decode()
    html_en = response_en.content.decode()
    assert title_en in html_en
    assert "This page has not been translated yet" not in html_en


def test_home_page_renders_in_both_languages(client, site):
    assert client.get(site.home_de.url).status_code == 200
    assert client.get(site.home_en.url).status_code == 200


PARENT_FACTORIES = {
    ProgramPage: ProgramIndexPageFactory,
    PartnerPage: PartnerIndexPageFactory,
    FellowProfilePage: PartnerPageFactory,
    NewsPage: NewsIndexPageFactory,
    StandardPage: StandardPageFactory,
}


@pytest.mark.parametrize("model", list(PARENT_FACTORIES), ids=lambda m: m.__name__)
def test_admin_create_form_renders_for_every_type(admin_client, site, model):
    parent_factory = PARENT_FACTORIES[model]
    if parent_factory._meta.model.max_count_per_parent:
        parent = first_or_create(parent_factory)
    else:
        parent = parent_factory()
    response = admin_client.get(add_url(model, parent))
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()


def test_editor_can_create_a_news_page_through_the_admin(admin_client, site):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    index = first_or_create(NewsIndexPageFactory)
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
    response = admin_client.post(add_url(NewsPage, index), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # Live or waiting in the editorial workflow: either way it was created where it belongs.
    created = NewsPage.objects.get(slug="neue-meldung", locale=index.locale)
    assert created.get_parent().pk == index.pk
    assert str(created.date) == "2026-11-01"
