"""News: the 'Aktuelles' overview and the news items of the network and its partners.

Partner pages show their news through `{% partner_news %}` (news_tags), so `network` needs
nothing from here. The tables keep the names they had in `home` (see migration 0001).
"""

from operator import attrgetter

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.feeds import FEED_FORMATS, feed_links
from core.models import BasePage, PaginatedListingMixin, lead_image_field
from core.structured_data import network_reference, news_article
from core.translation import localize_all, with_translation_state
from core.visibility import visible_to_public
from network.models import PartnerPage
from network.structured_data import partner_reference


class NewsIndexPage(PaginatedListingMixin, RoutablePageMixin, BasePage):
    """'Aktuelles': lists every news item of its language, the partners' ones included, with
    RSS and Atom feeds of them and of each partner's news (news.feeds)."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short text above the list of news.")
    )

    template = "pages/news_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    per_page = 10

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        db_table = "home_newsindexpage"
        verbose_name = _("news overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = visible_to_public(NewsPage.objects.filter(locale_id=self.locale_id)).for_listing()
        context["page_obj"] = Paginator(news, self.per_page).get_page(request.GET.get("page"))
        context["feeds"] = self.feed_links(request)
        return context

    def feed_links(self, request, partner=None):
        """The <link rel=alternate> of the news feed, or of `partner`'s news feed."""
        url = self.get_url(request)
        if partner is None:
            return feed_links(f"{url}feed/", self.title)
        return feed_links(f"{url}feed/{partner.slug}/", f"{partner.title} – {self.title}")

    def get_cached_paths(self):
        """What a change purges besides the list (core.page_cache): every feed."""
        partners = visible_to_public(PartnerPage.objects.filter(locale_id=self.locale_id))
        slugs = ["", *(f"{slug}/" for slug in partners.values_list("slug", flat=True))]
        return ["/", *(f"feed/{slug}{name}/" for slug in slugs for name in FEED_FORMATS)]

    # --- routes ---

    @path("feed/<str:feed_format>/", name="feed")
    def feed(self, request, feed_format):
        from .feeds import NewsFeed

        if feed_format not in FEED_FORMATS:
            raise Http404
        return NewsFeed(FEED_FORMATS[feed_format])(request, page=self)

    @path("feed/<slug:partner_slug>/<str:feed_format>/", name="partner_feed")
    def partner_feed(self, request, partner_slug, feed_format):
        from .feeds import NewsFeed

        if feed_format not in FEED_FORMATS:
            raise Http404
        partners = visible_to_public(PartnerPage.objects.filter(locale_id=self.locale_id))
        partner = get_object_or_404(partners, slug=partner_slug)
        return NewsFeed(FEED_FORMATS[feed_format], partner=partner)(request, page=self)


class NewsQuerySet(PageQuerySet):
    def for_listing(self):
        """What a news card shows, fetched in a constant number of queries, newest first."""
        return (
            with_translation_state(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )

    def for_feed(self):
        """What a feed item carries (core.feeds), in a constant number of queries, newest first."""
        return (
            self.select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")
        )

    def for_partner(self, partner):
        """News a partner published (below its page) or is named in.

        "Named in" as EXISTS, not a join: a join needs DISTINCT, and DISTINCT compares whole
        rows, bodies included."""
        named = NewsPage.related_partners.through.objects.filter(
            newspage_id=OuterRef("pk"), partnerpage__translation_key=partner.translation_key
        )
        return self.filter(Q(path__startswith=partner.path) | Q(Exists(named)))


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
    image = lead_image_field()
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
        verbose_name=_("programmes"),
        help_text=_("The programmes the news is about."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="+", verbose_name=_("topics")
    )

    objects = PageManager.from_queryset(NewsQuerySet)()

    template = "pages/news_page.html"
    open_graph_type = "article"
    parent_page_types = ["news.NewsIndexPage", "network.PartnerPage"]
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
        db_table = "home_newspage"
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @property
    def summary(self):
        return self.listing_summary or self.teaser

    def structured_data(self, request):
        # A partner's news (below its page) is the partner's; the network's is the network's.
        partner = PartnerPage.objects.filter(path=self.path[: -self.steplen]).first()
        author = (
            partner_reference(request, partner)
            if partner
            else network_reference(request, self.locale.language_code)
        )
        return [
            news_article(
                request,
                self,
                published=self.date,
                author=author,
                image=self.image or self.listing_image,
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self._localized(self.related_partners.all())
        context["programs"] = self._localized(self.related_programs.all())
        context["topics"] = localize_all(self.topics.all(), self.locale_id)
        return context

    def _localized(self, pages):
        return sorted(localize_all(pages, self.locale_id, specific=True), key=attrgetter("title"))
