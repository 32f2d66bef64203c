from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import BasePage

# --- Taxonomies (translatable snippets; their slugs stay the same in every language, so filter
# --- URLs work on both sides) -----------------------------------------------------------------


class TaxonomySnippet(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in filter addresses; keep it the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Topic(TaxonomySnippet):
    """A subject events and news are about, e.g. copyright, funding applications, AI tools."""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


@register_snippet
class ArtDiscipline(TaxonomySnippet):
    """An art discipline (Sparte): theatre, music, visual arts, literature, dance, …"""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("art discipline")
        verbose_name_plural = _("art disciplines")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


@register_snippet
class FieldOfAction(TaxonomySnippet):
    """A field the network works in: mediation, continuing education, transfer, research, …"""

    class Meta(TaxonomySnippet.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


# --- Programs ----------------------------------------------------------------------------------


class ProgramIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    template = "pages/program_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.ProgramPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("program overview")


class ProgramKind(models.TextChoices):
    CONTINUING_EDUCATION = "weiterbildung", _("Open continuing education")
    AKADEMIE = "akademie", _("KI-Akademie")
    FELLOWSHIP = "fellowship", _("KI-Fellowships")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Opens soon")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed")


class ProgramPage(BasePage):
    """One of the network's three programs, with its current call for applications."""

    kind = models.CharField(
        _("program"),
        max_length=20,
        choices=ProgramKind.choices,
        help_text=_("Which of the three K3 programs this page describes."),
    )
    intro = models.TextField(
        _("introduction"), help_text=_("Two or three sentences: what the program offers.")
    )
    target_groups = models.TextField(
        _("target groups"), blank=True, help_text=_("Who the program is for.")
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

    template = "pages/program_page.html"
    parent_page_types = ["network.ProgramIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("target_groups"),
        index.SearchField("body"),
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
            ],
            heading=_("Call for applications"),
        ),
    ]

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")

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


class PartnerIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    template = "pages/partner_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.PartnerPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("partner overview")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead institution")
    CONSORTIUM = "consortium", _("Consortium partner")
    CULTURAL_POLICY = "cultural-policy", _("Cultural-policy partner")
    FUNDER = "funder", _("Funder")


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
    )
    fields_of_action = ParentalManyToManyField(
        "network.FieldOfAction", blank=True, verbose_name=_("fields of action")
    )
    city = models.CharField(
        _("city"), max_length=100, help_text=_("City in North Rhine-Westphalia.")
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_example = models.BooleanField(
        _("example partner"),
        default=False,
        help_text=_("Demo content only: marks an invented institution as an example."),
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)

    template = "pages/partner_page.html"
    parent_page_types = ["network.PartnerIndexPage"]
    subpage_types = ["network.FellowProfilePage"]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city"),
        index.SearchField("description"),
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
        FieldPanel("is_example"),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


# --- Fellows -----------------------------------------------------------------------------------


class FellowIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    template = "pages/fellow_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.FellowProfilePage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("fellow overview")


class FellowProfileQuerySet(PageQuerySet):
    def for_partner(self, partner):
        return self.descendant_of(partner)


class FellowProfilePage(BasePage):
    """A KI-Fellow or KI-Akademie participant; lives below the partner that hosts them."""

    portrait = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portrait"),
    )
    pronouns = models.CharField(
        _("pronouns"), max_length=50, blank=True, help_text=_("Optional, e.g. 'sie/ihr'.")
    )
    disciplines = ParentalManyToManyField(
        "network.ArtDiscipline", blank=True, verbose_name=_("art disciplines")
    )
    program = models.ForeignKey(
        "network.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("program"),
        help_text=_("KI-Fellowships or KI-Akademie."),
    )
    cohort_year = models.PositiveSmallIntegerField(_("cohort year"), help_text=_("E.g. 2026."))
    project_title = models.CharField(_("project title"), max_length=255, blank=True)
    project_description = RichTextField(
        _("project description"), features=RICH_TEXT_FEATURES, blank=True
    )
    website = models.URLField(_("website"), blank=True)

    objects = PageManager.from_queryset(FellowProfileQuerySet)()

    template = "pages/fellow_profile_page.html"
    parent_page_types = ["network.PartnerPage", "network.FellowIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("project_title"),
        index.SearchField("project_description"),
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
    ]

    class Meta:
        verbose_name = _("fellow profile")
        verbose_name_plural = _("fellow profiles")

    @cached_property
    def host_partner(self):
        parent = self.get_parent().specific
        return parent if isinstance(parent, PartnerPage) else None
