"""Each factory makes a valid page or object where it belongs, on an empty database.

Run without the session demo to see them stand alone:
    K3_SESSION_DEMO=0 .venv/bin/python -m pytest -q -p no:randomly tests/test_factories.py
They pass with the demo loaded as well (the `site` fixture then keeps the demo's home page).
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from core.factories import K3DocumentFactory, K3ImageFactory, UserFactory, alias_in, translate
from editorial.factories import moderator, partner_editor, press_officer, translator
from editorial.groups import PRESS, REDAKTION, TRANSLATION
from events.factories import EventIndexPageFactory, EventPageFactory, EventSeriesFactory
from home.factories import StandardPageFactory
from home.models import HomePage
from navigation.factories import NavigationFactory
from network.factories import (
    FellowIndexPageFactory,
    FellowProfilePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from press.factories import PressReleasePageFactory, PressRoomPageFactory
from taxonomy.factories import ArtDisciplineFactory, FieldOfActionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_site_fixture_has_a_german_home_with_its_english_translation(site, client):
    assert Site.objects.get(is_default_site=True).root_page.pk == site.home_de.pk
    assert (site.home_de.locale, site.home_en.locale) == (site.de, site.en)
    assert site.home_en.translation_key == site.home_de.translation_key
    assert site.home_en.alias_of_id is None
    assert site.home_de.get_parent().pk == site.root.pk
    assert client.get("/de/").status_code == 200
    assert client.get("/en/").status_code == 200


PAGE_FACTORIES = [
    (ProgramPageFactory, ProgramIndexPageFactory),
    (PartnerPageFactory, PartnerIndexPageFactory),
    (FellowProfilePageFactory, FellowIndexPageFactory),
    (EventPageFactory, EventIndexPageFactory),
    (NewsPageFactory, NewsIndexPageFactory),
    (PressReleasePageFactory, PressRoomPageFactory),
]


@pytest.mark.parametrize("page_factory,index_factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_page_factory_files_a_published_page_below_its_index(
    site, client, page_factory, index_factory
):
    page = page_factory()
    second = page_factory()
    index = page.get_parent().specific
    assert isinstance(index, index_factory._meta.model)
    assert second.get_parent().pk == index.pk  # one index page, found again
    assert index.get_parent().pk == site.home_de.pk
    assert page.live and page.live_revision_id is not None
    assert page.locale == site.de
    assert client.get(page.url).status_code == 200
    assert client.get(index.url).status_code == 200


def test_standard_page_lives_below_the_home_page(site, client):
    page = StandardPageFactory(title="Anfahrt")
    assert page.get_parent().pk == site.home_de.pk
    assert "Anfahrt" in client.get(page.url).content.decode()


def test_draft_pages_are_saved_as_revisions_without_going_live(site, client):
    draft = NewsPageFactory(live=False)
    assert not draft.live and draft.latest_revision_id is not None
    assert client.get(f"/de/aktuelles/{draft.slug}/").status_code == 404


def test_many_to_many_choices_are_stored(site):
    topic = TopicFactory(name="Urheberrecht")
    partner = PartnerPageFactory(fields_of_action=[FieldOfActionFactory(name="Transfer")])
    fellow = FellowProfilePageFactory(parent=partner, disciplines=[ArtDisciplineFactory()])
    event = EventPageFactory(parent=partner, topics=[topic], series=EventSeriesFactory())
    news = NewsPageFactory(topics=[topic], related_partners=[partner])
    assert [f.slug for f in partner.fields_of_action.all()] == ["transfer"]
    assert fellow.host_partner.pk == partner.pk and fellow.disciplines.count() == 1
    assert event.lead_organiser.pk == partner.pk
    assert list(event.topics.all()) == [topic]
    assert list(NewsPage.objects.for_partner(partner)) == [news]


def test_taxonomy_entries_are_found_again_by_slug(site):
    assert TopicFactory(slug="recht", name="Recht") == TopicFactory(slug="recht", name="Recht")


def test_event_defaults_to_an_upcoming_evening_at_a_venue(site):
    event = EventPageFactory()
    assert event.is_upcoming()
    assert event.venue.city and event.end > event.start
    event.full_clean()


def test_program_with_an_open_call(site):
    assert ProgramPageFactory(open_call=True).call_status() == "open"
    assert ProgramPageFactory().call_status() is None


def test_images_and_documents_carry_credit_and_licence(site):
    image = K3ImageFactory(title="Porträt")
    assert image.file.name.endswith(".png") and (image.width, image.height) == (40, 30)
    assert image.description and image.credit and image.licence_url
    assert image.get_rendition("fill-20x20").width == 20
    document = K3DocumentFactory()
    assert document.file.read().startswith(b"%PDF")


def test_translate_makes_a_real_translation_with_its_own_fields(site, client):
    partner = PartnerPageFactory(title="Kunsthaus", city="Bochum")
    english = translate(partner, "en", title="Art house")
    assert english.alias_of_id is None and english.locale == site.en
    assert TranslationSource.objects.filter(object_id=partner.translation_key).exists()
    # The parent overview had no English version: an alias of it was made, so the URL resolves.
    assert english.get_parent().specific.locale == site.en
    html = client.get(english.url).content.decode()
    assert "Art house" in html


def test_translate_can_leave_a_draft(site):
    news = NewsPageFactory()
    english = translate(news, site.en, publish=False, title="Draft")
    assert not english.live and english.get_latest_revision_as_object().title == "Draft"


def test_translate_works_for_snippets(site):
    topic = TopicFactory(name="Tanz")
    english = translate(topic, "en", name="Dance")
    assert (english.name, english.slug, english.locale) == ("Dance", topic.slug, site.en)


def test_alias_in_makes_an_untranslated_alias(site):
    news = NewsPageFactory(title="Nur deutsch")
    alias = alias_in(news, "en")
    assert alias.alias_of_id == news.pk and alias.locale == site.en
    assert alias.title == "Nur deutsch"
    assert alias_in(news, "en").pk == alias.pk


def test_navigation_links_pages(site):
    page = StandardPageFactory()
    navigation = NavigationFactory(locale=site.en, main_pages=[page], footer_pages=[page])
    assert [block.value["page"].pk for block in navigation.main_links] == [page.pk]


def test_users_and_editorial_members(site):
    admin = UserFactory(superuser=True)
    assert admin.is_superuser and admin.check_password("k3-test")
    assert moderator().groups.filter(name=REDAKTION).exists()
    assert translator().groups.filter(name=TRANSLATION).exists()
    assert press_officer().groups.filter(name=PRESS).exists()
    partner = PartnerPageFactory(title="Theater Test")
    editor = partner_editor(partner)
    group = Group.objects.get(partner_space__partner_key=partner.translation_key)
    assert editor.groups.filter(pk=group.pk).exists()
    assert HomePage.objects.filter(pk=site.home_de.pk).exists()
    assert Page.objects.filter(pk=partner.pk).exists()
