from operator import attrgetter

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import BasePage
from core.translation import localize_all, with_translation_state
from core.visibility import visible_to_public

from .blocks import HomeSectionsBlock


class HomePage(BasePage):
    """The start page of one language; the German one is the site root, English its translation."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What K3 is, in two or three sentences, shown at the top of the home page."),
    )
    sections = StreamField(
        HomeSectionsBlock(),
        blank=True,
        verbose_name=_("sections"),
        help_text=_(
            "The blocks below the introduction, in the order you choose: programs, latest news, "
            "partner logos and featured pages fill themselves; add, remove or reorder them here."
        ),
    )

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("sections")]

    class Meta:
        verbose_name = _("home page")


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


# --- News --------------------------------------------------------------------------------------


class NewsIndexPage(BasePage):
    """'Aktuelles': lists every news item of its language, the partners' ones included."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short text above the list of news.")
    )

    template = "pages/news_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1
    per_page = 10

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("news overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = visible_to_public(NewsPage.objects.filter(locale_id=self.locale_id)).for_listing()
        context["page_obj"] = Paginator(news, self.per_page).get_page(request.GET.get("page"))
        return context


class NewsQuerySet(PageQuerySet):
    def for_listing(self):
        """What a news card shows, fetched in a constant number of queries, newest first."""
        return (
            with_translation_state(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )


class NewsPage(BasePage):
    """A news item of the network (below 'Aktuelles') or of one partner (below its page)."""

    date = models.DateField(
        _("date"), help_text=_("The date shown with the news and used to sort it.")
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("One or two sentences shown in lists and at the top of the news."),
    )
    image = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Shown at the top and in lists, with its credit. Optional."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    related_partners = ParentalManyToManyField(
        "network.PartnerPage",
        blank=True,
        related_name="+",
        verbose_name=_("partners involved"),
        help_text=_("The news also appears on these partners' pages."),
    )
    related_programs = ParentalManyToManyField(
        "network.ProgramPage",
        blank=True,
        related_name="+",
        verbose_name=_("programs"),
        help_text=_("The programs the news is about."),
    )
    topics = ParentalManyToManyField(
        "network.Topic", blank=True, related_name="+", verbose_name=_("topics")
    )

    objects = PageManager.from_queryset(NewsQuerySet)()

    template = "pages/news_page.html"
    parent_page_types = ["home.NewsIndexPage", "network.PartnerPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("related_partners"),
                FieldPanel("related_programs"),
                FieldPanel("topics"),
            ],
            heading=_("Related"),
        ),
    ]

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")

    @property
    def summary(self):
        return self.listing_summary or self.teaser

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self._localized(self.related_partners.all())
        context["programs"] = self._localized(self.related_programs.all())
        context["topics"] = localize_all(self.topics.all(), self.locale_id)
        return context

    def _localized(self, pages):
        return sorted(localize_all(pages, self.locale_id, specific=True), key=attrgetter("title"))


# --- Navigation and footer ---------------------------------------------------------------------


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("page"), help_text=_("Choose the German page; English readers get its translation.")
    )

    class Meta:
        icon = "link"
        label = _("Link to a page")


@register_snippet
class Navigation(TranslatableMixin, models.Model):
    """The main menu and the footer of one language (translate it like a page)."""

    main_links = StreamField(
        [("link", NavigationLinkBlock())],
        blank=True,
        verbose_name=_("main navigation"),
        help_text=_("The pages in the menu at the top of every page, in this order."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A sentence about the network and its funding, shown in the footer."),
    )
    footer_links = StreamField(
        [("link", NavigationLinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Impressum, privacy policy, accessibility statement, Leichte Sprache, …"),
    )

    panels = [
        FieldPanel(
            "main_links",
            help_text=_(
                "The pages in the menu at the top of every page, in this order. Top-level pages "
                "with 'show in menus' that are not listed here follow at the end."
            ),
        ),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation and footer")
        verbose_name_plural = _("navigation and footer")

    def __str__(self):
        return str(_("Navigation and footer ({language})")).format(
            language=self.locale.get_display_name()
        )
