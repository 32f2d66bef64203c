import copy

from django.apps import apps
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core import lookup_cache
from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import BasePage
from core.visibility import visible_to_public
from network.structured_data import network_organization

from .blocks import HomeSectionsBlock

# Longer addresses are routed the long way, not kept.
MAX_CACHED_ROUTE_LENGTH = 300


class HomePage(BasePage):
    """The start page of one language; the German one is the site root, English its translation."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What K3 is, in two or three sentences, shown at the top of the home page."),
    )
    hero_image = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_(
            "The large picture beside the title at the top of the home page, with its credit. "
            "Choose a landscape image at least 1200 pixels wide. Optional."
        ),
    )
    sections = StreamField(
        HomeSectionsBlock(),
        blank=True,
        verbose_name=_("sections"),
        help_text=_(
            "The blocks below the introduction, in the order you choose: programmes, latest news, "
            "partner logos and featured pages fill themselves; add, remove or reorder them here."
        ),
    )

    template = "pages/home_page.html"
    is_home_page = True  # its browser title is the site name alone
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("sections"),
    ]

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request):
        return [network_organization(request, self)]

    def route(self, request, path_components):
        """Every page address starts here. Wagtail walks the tree from here, two queries per
        level; which page an address leads to, and the page itself, are kept until content
        changes (core.lookup_cache). The page itself still
        routes what follows its own address (routable pages: feeds, archive, photos)."""
        path = "/".join(path_components)
        if not path_components or len(path) > MAX_CACHED_ROUTE_LENGTH:
            return super().route(request, path_components)
        target = lookup_cache.cached(
            f"route:{self.pk}:{path}",
            lambda: self._route_target(request, path_components),
            keep_none=False,  # unknown addresses are not remembered: anyone can make up many
        )
        if target is None:
            return super().route(request, path_components)
        model_label, pk, consumed = target
        page = lookup_cache.cached(
            f"page:{pk}",
            lambda: apps.get_model(model_label)._base_manager.filter(pk=pk).first(),
            keep_none=False,
        )
        if page is None:
            # Remembered by a transaction that never committed (a Redis shared with it kept
            # the entry): route the long way.
            return super().route(request, path_components)
        # A copy (with its own field cache): what serving notes on the page stays with this
        # request, and the kept page is shared by the requests of this generation.
        return copy.copy(page).route(request, path_components[consumed:])

    def _route_target(self, request, path_components):
        """(model, pk, path components consumed) of the page Wagtail routes to, or None."""
        try:
            page = super().route(request, path_components)[0]
        except Http404:
            return None
        consumed = len([part for part in page.url_path[len(self.url_path) :].split("/") if part])
        return page._meta.label_lower, page.pk, consumed

    def get_admin_display_title(self):
        """With the language: the German and the English home share their title, and the admin
        lists them side by side below Root (explorer, breadcrumbs, choosers, sidebar)."""
        return f"{super().get_admin_display_title()} ({self.locale.get_display_name()})"


class StandardPage(BasePage):
    """A plain page: Impressum, privacy policy, accessibility statement, Leichte Sprache, …"""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short lead paragraph shown below the title. Optional."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = visible_to_public(self.get_children()).specific()
        return context
