from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import BasePage, PaginatedListingMixin
from core.translation import (
    localize_all,
    with_translation_state,
)
from core.visibility import visible_to_public
from taxonomy.models import ArtDiscipline

from .choices import CallStatus, PartnerRole, ProgramKind

# --- Programs ----------------------------------------------------------------------------------


class ProgramIndexPage(BasePage):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short text above the list of programmes.")
    )

    template = "pages/program_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ProgramPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("programme overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = with_translation_state(
            visible_to_public(ProgramPage.objects.child_of(self))
        ).select_related("listing_image")
        return context


class ProgramPage(BasePage):
    """One of the network's three programs, with its current call for applications."""

    kind = models.CharField(
        _("programme"),
        max_length=20,
        choices=ProgramKind.choices,
        help_text=_("Which of the three K3 programmes this page describes."),
    )
    intro = models.TextField(
        _("introduction"), help_text=_("Two or three sentences: what the programme offers.")
    )
    target_groups = models.TextField(
        _("target groups"), blank=True, help_text=_("Who the programme is for.")
    )
    format = models.TextField(
        _("format"), blank=True, help_text=_("E.g. webinars, workshops, residencies.")
    )
    duration = models.CharField(
        _("duration"), max_length=200, blank=True, help_text=_("E.g. 'six months'.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    call_title = models.CharField(
        _("call title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty when there is no call for applications."),
    )
    call_opens_at = models.DateTimeField(_("applications open"), null=True, blank=True)
    call_deadline = models.DateTimeField(_("application deadline"), null=True, blank=True)
    call_eligibility = RichTextField(_("who can apply"), features=RICH_TEXT_FEATURES, blank=True)
    call_how_to_apply = RichTextField(_("how to apply"), features=RICH_TEXT_FEATURES, blank=True)
    apply_url = models.URLField(
        _("application link"),
        blank=True,
        help_text=_(
            "Where people apply, e.g. the online form, with https://. While the call is open, "
            "the page and its card show an “Apply now” button leading there. The English page "
            "uses the same link unless the translator gives another one."
        ),
    )

    template = "pages/program_page.html"
    parent_page_types = ["network.ProgramIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("target_groups"),
        index.SearchField("format"),
        index.SearchField("body"),
        index.SearchField("call_title"),
        index.SearchField("call_eligibility"),
        index.FilterField("kind"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("target_groups"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("duration")]),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("call_title"),
                FieldRowPanel([FieldPanel("call_opens_at"), FieldPanel("call_deadline")]),
                FieldPanel("call_eligibility"),
                FieldPanel("call_how_to_apply"),
                FieldPanel("apply_url"),
            ],
            heading=_("Call for applications"),
        ),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    @property
    def current_call_status(self):
        return self.call_status()

    @property
    def accepts_applications(self):
        """Whether to show the "Apply now" button: the call is open and says where to apply."""
        return bool(self.apply_url) and self.current_call_status == CallStatus.OPEN

    def fellows(self):
        """The fellows and participants of this program in this page's language."""
        return (
            visible_to_public(FellowProfilePage.objects.filter(locale_id=self.locale_id))
            .filter(Q(program_id=self.pk) | Q(program__translation_key=self.translation_key))
            .for_listing()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fellows"] = prepare_fellow_cards(self.fellows(), self.locale)
        return context

    def call_status(self, now=None):
        """open / upcoming / closed from the call's dates; None when there is no call."""
        if not self.call_title:
            return None
        now = now or timezone.now()
        if self.call_opens_at and now < self.call_opens_at:
            return CallStatus.UPCOMING
        if self.call_deadline and now > self.call_deadline:
            return CallStatus.CLOSED
        return CallStatus.OPEN


# --- Partners ----------------------------------------------------------------------------------


class PartnerIndexPage(PaginatedListingMixin, BasePage):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short text above the list of partners.")
    )

    template = "pages/partner_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.PartnerPage"]
    max_count_per_parent = 1
    per_page = 12

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("partner overview")

    def get_context(self, request, *args, **kwargs):
        from .filters import PartnerFilter

        context = super().get_context(request, *args, **kwargs)
        partners = visible_to_public(PartnerPage.objects.filter(locale_id=self.locale_id))
        listing = PartnerFilter(
            request.GET, partners.members(), locale=self.locale, per_page=self.per_page
        )
        context.update(listing.context(request, self.get_url(request)))
        context["funders"] = listing.prepare(list(partners.funders().for_listing()))
        return context


class PartnerQuerySet(PageQuerySet):
    def members(self):
        """The member institutions: lead, consortium and cultural-policy partners."""
        return self.exclude(role=PartnerRole.FUNDER)

    def funders(self):
        """Who funds the network (the Ministry): listed apart from the members."""
        return self.filter(role=PartnerRole.FUNDER)

    def for_listing(self):
        """What a partner card shows, fetched in a constant number of queries."""
        return (
            with_translation_state(self)
            .select_related("logo")
            .prefetch_related("fields_of_action", "logo__renditions")
            .order_by("title")
        )

    def for_logos(self):
        """What a list of logos shows (name, address, logo): half the work of `for_listing`."""
        return self.select_related("logo").prefetch_related("logo__renditions").order_by("title")


class PartnerPage(BasePage):
    """A partner institution; its editors get this page and everything below it."""

    logo = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    role = models.CharField(
        _("role in the network"),
        max_length=20,
        choices=PartnerRole.choices,
        default=PartnerRole.CONSORTIUM,
        help_text=_(
            "What the institution does in K3: lead, consortium partner, cultural-policy "
            "partner or funder."
        ),
    )
    fields_of_action = ParentalManyToManyField(
        "taxonomy.FieldOfAction",
        blank=True,
        verbose_name=_("fields of action"),
        help_text=_("The fields the institution works in within K3. Choose the German entries."),
    )
    city = models.CharField(
        _("city"), max_length=100, help_text=_("City in North Rhine-Westphalia.")
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The institution's own website, with https://.")
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Who readers can ask about K3."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the institution is and what it contributes to K3."),
    )

    objects = PageManager.from_queryset(PartnerQuerySet)()

    template = "pages/partner_page.html"
    parent_page_types = ["network.PartnerIndexPage"]
    subpage_types = ["network.FellowProfilePage", "news.NewsPage", "events.EventPage"]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("city"),
        index.FilterField("role"),
        index.FilterField("city"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("city")]),
        FieldPanel("fields_of_action"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fields"] = localize_all(self.fields_of_action.all(), self.locale_id)
        return context

    def hosted_fellows(self):
        return visible_to_public(FellowProfilePage.objects.child_of(self)).for_listing()


# --- Fellows -----------------------------------------------------------------------------------


class FellowIndexPage(PaginatedListingMixin, BasePage):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short text above the list of fellows.")
    )

    template = "pages/fellow_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.FellowProfilePage"]
    max_count_per_parent = 1
    per_page = 12

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("fellow overview")

    def get_context(self, request, *args, **kwargs):
        from .filters import FellowFilter

        context = super().get_context(request, *args, **kwargs)
        fellows = visible_to_public(FellowProfilePage.objects.filter(locale_id=self.locale_id))
        listing = FellowFilter(request.GET, fellows, locale=self.locale, per_page=self.per_page)
        context.update(listing.context(request, self.get_url(request)))
        return context


class FellowProfileQuerySet(PageQuerySet):
    def for_partner(self, partner):
        return self.descendant_of(partner)

    def for_listing(self):
        """What a fellow card shows, fetched in a constant number of queries."""
        return (
            with_translation_state(self)
            .select_related("portrait", "program")
            .prefetch_related("disciplines", "portrait__renditions")
            .order_by("title")
        )


def attach_host_partners(fellows, host=None):
    """Fill `host_partner` of many fellows with one query instead of one per fellow (none when
    the caller knows their `host`: a partner page's own fellows)."""
    fellows = list(fellows)
    if host is not None:
        for fellow in fellows:
            fellow.__dict__["host_partner"] = host
        return fellows
    parent_paths = {fellow.path[: -fellow.steplen] for fellow in fellows}
    partners = {
        partner.path: partner for partner in PartnerPage.objects.filter(path__in=parent_paths)
    }
    for fellow in fellows:
        fellow.__dict__["host_partner"] = partners.get(fellow.path[: -fellow.steplen])
    return fellows


def prepare_fellow_cards(fellows, locale, host=None):
    """Host partner, program and disciplines of many fellows in the reader's language."""
    fellows = attach_host_partners(fellows, host)
    localize = ArtDiscipline.localizer(locale)
    programs = {
        program.translation_key: program
        for program in localize_all({fellow.program for fellow in fellows}, locale)
    }
    for fellow in fellows:
        fellow.localized_disciplines = [localize(d) for d in fellow.disciplines.all()]
        fellow.localized_program = fellow.program and programs.get(fellow.program.translation_key)
    return fellows


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=100, help_text=_("E.g. 'Portfolio'."))
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "components/streamfield/blocks/link_block.html"


class FellowProfilePage(BasePage):
    """A KI-Fellow or KI-Akademie participant; lives below the partner that hosts them."""

    portrait = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portrait"),
        help_text=_("A portrait or a picture the fellow chose; its alt text and credit are shown."),
    )
    pronouns = models.CharField(
        _("pronouns"), max_length=50, blank=True, help_text=_("Optional, e.g. 'sie/ihr'.")
    )
    disciplines = ParentalManyToManyField(
        "taxonomy.ArtDiscipline",
        blank=True,
        verbose_name=_("art disciplines"),
        help_text=_("The fellow's Sparten. Choose the German entries; readers see their language."),
    )
    program = models.ForeignKey(
        "network.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("programme"),
        help_text=_("KI-Fellowships or KI-Akademie."),
    )
    cohort_year = models.PositiveSmallIntegerField(_("cohort year"), help_text=_("E.g. 2026."))
    project_title = models.CharField(
        _("project title"),
        max_length=255,
        blank=True,
        help_text=_("The working title of the project in K3."),
    )
    project_description = RichTextField(
        _("project description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the fellow works on, in a few paragraphs."),
    )
    website = models.URLField(_("website"), blank=True)
    links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("further links"),
        help_text=_("Portfolio, publications, social media – each with a readable label."),
    )

    objects = PageManager.from_queryset(FellowProfileQuerySet)()

    template = "pages/fellow_profile_page.html"
    parent_page_types = ["network.PartnerPage", "network.FellowIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("project_title", boost=2),
        index.SearchField("project_description"),
        index.AutocompleteField("project_title"),
        index.FilterField("cohort_year"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("portrait"),
        FieldPanel("pronouns"),
        FieldRowPanel([FieldPanel("program"), FieldPanel("cohort_year")]),
        FieldPanel("disciplines"),
        FieldPanel("project_title"),
        FieldPanel("project_description"),
        FieldPanel("website"),
        FieldPanel("links"),
    ]

    class Meta:
        verbose_name = _("fellow profile")
        verbose_name_plural = _("fellow profiles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prepare_fellow_cards([self], self.locale)
        return context

    def structured_data(self, request):
        from .structured_data import fellow_person

        return [fellow_person(request, self)]

    @cached_property
    def host_partner(self):
        parent = self.get_parent().specific
        return parent if isinstance(parent, PartnerPage) else None
