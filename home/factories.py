"""Factories for the home and standard pages, and `bilingual_site()`: the smallest whole site."""

from dataclasses import dataclass

import factory
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from core.factories import BasePageFactory, locale, site_root_page, translate

from .models import HomePage, StandardPage


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "K3 KI.Kunst.Kultur"
    slug = "k3"


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(site_root_page)
    title = factory.Sequence(lambda n: f"Seite {n}")
    intro = "Ein kurzer Vorspann."


@dataclass
class BilingualSite:
    site: Site
    root: Page
    de: Locale
    en: Locale
    home_de: HomePage
    home_en: HomePage


def bilingual_site():
    """The German and English locale, a German home page as the default site's root and its
    English translation. Where a home page is the root already (the demo), that one is kept."""
    german, english = locale("de"), locale("en")
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home_de = HomePage.objects.filter(locale=german, depth=2).first()
    if home_de is None:
        home_de = HomePageFactory(parent=root, locale=german)
    # Wagtail's welcome page goes, as in a new project: the home page takes its place. (Again
    # after a browser test: its flush and serialized rollback bring back the migrations' site.)
    if site is None or site.root_page_id != home_de.pk:
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home_de
        site.site_name = home_de.title
        site.save()
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    # The serialized rollback restores the root's row as the migrations left it (one child, the
    # welcome page) beside the home pages made since, so its child count is wrong after the
    # delete; treebeard's get_children() trusts that count.
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    root.refresh_from_db()
    home_en = home_de.get_translation_or_none(english)
    if home_en is None or home_en.alias_of_id:
        home_en = translate(home_de, english)
    return BilingualSite(
        site=site, root=root, de=german, en=english, home_de=home_de, home_en=home_en.specific
    )
