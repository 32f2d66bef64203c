"""The site's navigation: the main menu and the footer of each language, one snippet per language.

The table keeps the name it had in `home` (see migration 0001).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet


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
    funding_line = models.CharField(
        _("funding line"),
        max_length=255,
        blank=True,
        help_text=_(
            "The funder's credit as it must be printed, e.g. 'Gefördert vom Ministerium für "
            "Kultur und Wissenschaft des Landes Nordrhein-Westfalen', shown beside its logo."
        ),
    )
    funding_logo = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("funding logo"),
        help_text=_("The funder's logo in the footer; its alt text names the funder. Optional."),
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
        FieldPanel("funding_line"),
        FieldPanel("funding_logo"),
        FieldPanel("footer_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "home_navigation"
        verbose_name = _("navigation and footer")
        verbose_name_plural = _("navigation and footer")

    def __str__(self):
        return str(_("Navigation and footer ({language})")).format(
            language=self.locale.get_display_name()
        )
