"""The demo loader: idempotent, the network's facts, examples marked, users, images with credits;
and the crawl through it in both languages (tests/home/crawl.py).

One demo load for the module (about half a minute): its tests share it in one test process.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, Page, Revision

from core.models import K3Image
from navigation.models import Navigation
from network.choices import PartnerRole
from network.models import FellowProfilePage, PartnerPage
from news.models import NewsPage
from press.models import PressReleasePage
from taxonomy.models import Topic

from .crawl import (
    assert_each_page_describes_itself_once,
    assert_each_page_has_one_h1_alt_texts_and_nothing_from_other_hosts,
    assert_every_live_page_is_reachable,
    crawl,
)
from .issue15_checks import assert_the_demo_reads_as_issue_15_wants

pytestmark = [pytest.mark.xdist_group("home-demo"), pytest.mark.usefixtures("module_demo")]


def snapshot():
    english = Page.objects.filter(locale__language_code="en")
    return {
        "pages": Page.objects.count(),
        "live English pages": english.live().count(),
        "English aliases": english.filter(alias_of__isnull=False).count(),
        "revisions": Revision.objects.count(),
        "images": K3Image.objects.count(),
        "users": get_user_model().objects.count(),
        "topics": Topic.objects.count(),
        "navigation": Navigation.objects.count(),
    }


def test_every_page_is_reachable_and_accessible_in_both_languages(db, client):
    for code in ("de", "en"):
        crawled = crawl(client, f"/{code}/")
        assert_every_live_page_is_reachable(crawled, code)
        assert_each_page_has_one_h1_alt_texts_and_nothing_from_other_hosts(crawled)
        assert_each_page_describes_itself_once(crawled)


def test_the_demo_reads_as_issue_15_wants(db, client):
    assert_the_demo_reads_as_issue_15_wants(client)


def test_demo_loads_twice_with_the_networks_facts_users_and_images(db):
    before = snapshot()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before
    assert_network_facts_and_example_partners()
    assert_fellows_news_and_untranslated_pages()
    assert_demo_users_for_every_partner()
    assert_demo_images_have_alt_text_credit_and_free_licence()
    assert_press_media_are_in_the_press_collection_and_the_press_team_can_choose_them()


def assert_network_facts_and_example_partners():
    german = PartnerPage.objects.filter(locale__language_code="de")
    members = german.exclude(role=PartnerRole.FUNDER)
    assert members.count() == 23
    lead = german.get(role=PartnerRole.LEAD)
    assert lead.title == "Akademie für Theater und Digitalität" and lead.city == "Dortmund"
    kulturrat = german.get(slug="kulturrat-nrw")
    assert kulturrat.role == PartnerRole.CULTURAL_POLICY
    assert {f.slug for f in kulturrat.fields_of_action.all()} == {
        "vermittlung",
        "weiterbildung",
        "transfer",
    }
    funder = german.get(role=PartnerRole.FUNDER)
    assert funder.title.startswith("Ministerium für Kultur und Wissenschaft")
    examples = german.filter(title__startswith="Beispiel-")
    assert examples.count() == 21
    assert all("erfundene Beispielinstitution" in partner.description for partner in examples)
    real = german.exclude(title__startswith="Beispiel-")
    assert set(real) == {lead, kulturrat, funder}


def assert_fellows_news_and_untranslated_pages():
    assert FellowProfilePage.objects.filter(locale__language_code="de").count() >= 12
    launch = NewsPage.objects.get(slug="k3-startet", locale__language_code="de")
    assert launch.date.isoformat() == "2026-03-01"
    english = Page.objects.filter(locale__language_code="en")
    assert english.filter(alias_of__isnull=True).count() >= 30
    # One page of each type is left in German on purpose, shown in English as an alias.
    aliased = {page.specific_class.__name__ for page in english.filter(alias_of__isnull=False)}
    assert {"StandardPage", "PartnerPage", "FellowProfilePage", "NewsPage"} <= aliased


def assert_demo_users_for_every_partner():
    User = get_user_model()
    for partner in PartnerPage.objects.filter(locale__language_code="de"):
        user = User.objects.get(username=f"{partner.slug}-editor")
        assert user.check_password("k3-demo")
        assert not user.is_superuser
    assert User.objects.get(username="admin").is_superuser


def assert_demo_images_have_alt_text_credit_and_free_licence():
    partners = PartnerPage.objects.filter(locale__language_code="de").select_related("logo")
    fellows = FellowProfilePage.objects.filter(locale__language_code="de").select_related(
        "portrait"
    )
    news = NewsPage.objects.filter(locale__language_code="de").select_related("image")
    images = [p.logo for p in partners] + [f.portrait for f in fellows] + [n.image for n in news]
    assert len(images) >= 40
    for image in images:
        assert image.description and image.credit == "Grafik: K3 Demo"
        assert image.licence in ("cc0", "cc-by-4.0")


def assert_press_media_are_in_the_press_collection_and_the_press_team_can_choose_them():
    presse = Collection.objects.get(name="Presse")
    release = PressReleasePage.objects.filter(locale__language_code="de").first()
    photos = [block.value["image"] for block in release.photos if block.block_type == "photo"]
    assert photos and {photo.collection_id for photo in photos} == {presse.pk}
    assert release.pdf_version.collection_id == presse.pk
    client = Client()
    client.force_login(get_user_model().objects.get(username="presse"))
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    listed = chooser.json()["html"]
    assert all(photo.title in listed for photo in photos)
