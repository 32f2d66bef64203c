"""The shared vocabularies: topics, art disciplines and fields of action.

Translatable snippets that events, news, programs and partners point at. This app imports nothing
of the content apps, so any of them can use it. Their slugs stay the same in every language, so
filter addresses work on both sides.

The tables keep the names they had when these models lived in `network` (see migration 0001).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.translation import snippet_localizer, snippets_in_language


class TaxonomySnippet(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in filter addresses; keep it the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # Translators translate the name; the slug follows the German one, so filter URLs match.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def in_language(cls, locale=None):
        return snippets_in_language(cls, locale)

    @classmethod
    def localizer(cls, locale=None):
        return snippet_localizer(cls, locale)


@register_snippet
class Topic(TaxonomySnippet):
    """A subject events and news are about, e.g. copyright, funding applications, AI tools."""

    class Meta(TaxonomySnippet.Meta):
        db_table = "network_topic"
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


@register_snippet
class ArtDiscipline(TaxonomySnippet):
    """An art discipline (Sparte): theatre, music, visual arts, literature, dance, …"""

    class Meta(TaxonomySnippet.Meta):
        db_table = "network_artdiscipline"
        verbose_name = _("art discipline")
        verbose_name_plural = _("art disciplines")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


@register_snippet
class FieldOfAction(TaxonomySnippet):
    """A field the network works in: mediation, continuing education, transfer, research, …"""

    class Meta(TaxonomySnippet.Meta):
        db_table = "network_fieldofaction"
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
