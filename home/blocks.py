"""The home page's sections: each one chosen and ordered by editors, most filled automatically.

To add a section, add a block class here (with `get_context` fetching what it shows) and a line in
`HomeSectionsBlock`, then run makemigrations for `home`.
"""

import json

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core import lookup_cache
from core.blocks import RICH_TEXT_FEATURES
from core.translation import localize_all, with_translation_state
from core.visibility import first_visible, visible_to_public


def _page_locale(parent_context):
    page = (parent_context or {}).get("page")
    return getattr(page, "locale_id", None)


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)

    # Sections filled from the page tree look the same to every reader of a language: rendered
    # once per site, language, locale and value until content changes, or until the moment
    # `changes_at` names (core.lookup_cache.cached_fragment).
    rendered_once = False

    def render(self, value, context=None):
        if not self.rendered_once or context is None:
            return super().render(value, context)

        def render():
            section_context = self.get_context(value, parent_context=dict(context))
            html = mark_safe(render_to_string(self.meta.template, section_context))
            return html, self.changes_at(section_context)

        stored = json.dumps(self.get_prep_value(value), sort_keys=True, default=str)
        name = lookup_cache.fragment_name(
            context.get("request"), "home-section", self.name, _page_locale(context), stored
        )
        return lookup_cache.cached_fragment(name, render)

    def changes_at(self, context):
        """When the section would look different without an edit (None: only with one)."""
        return None


class ProgramsTeaserBlock(SectionBlock):
    intro = blocks.TextBlock(label=_("introduction"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Programmes")
        help_text = _("Shows the three programmes with their current call for applications.")
        template = "components/home/programs_section.html"

    rendered_once = True

    def get_context(self, value, parent_context=None):
        from network.models import ProgramPage

        context = super().get_context(value, parent_context)
        context["programs"] = (
            with_translation_state(
                visible_to_public(
                    ProgramPage.objects.filter(locale_id=_page_locale(parent_context))
                )
            )
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("path")
        )
        return context

    def changes_at(self, context):
        """The next moment a call opens or closes: the cards' call status changes then."""
        now = timezone.now()
        moments = [
            moment
            for program in context["programs"]
            for moment in (program.call_opens_at, program.call_deadline)
            if moment is not None and moment > now
        ]
        return min(moments, default=None)


class LatestNewsBlock(SectionBlock):
    count = blocks.IntegerBlock(label=_("number of news"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        help_text = _("Shows the newest news, filled automatically.")
        template = "components/home/news_section.html"

    rendered_once = True

    def get_context(self, value, parent_context=None):
        from news.models import NewsIndexPage, NewsPage

        context = super().get_context(value, parent_context)
        locale_id = _page_locale(parent_context)
        context["news_items"] = list(
            visible_to_public(NewsPage.objects.filter(locale_id=locale_id)).for_listing()[
                : value["count"]
            ]
        )
        context["news_index"] = first_visible(NewsIndexPage, locale_id)
        return context


class UpcomingEventsBlock(SectionBlock):
    count = blocks.IntegerBlock(label=_("number of events"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        help_text = _("Shows the next events from the calendar, filled automatically.")
        template = "components/home/upcoming_events_section.html"


class PartnerLogosBlock(SectionBlock):
    class Meta:
        icon = "group"
        label = _("Partner logos")
        help_text = _("Shows the logos of all partners, filled automatically.")
        template = "components/home/partner_logos_section.html"

    rendered_once = True

    def get_context(self, value, parent_context=None):
        from network.choices import PartnerRole
        from network.models import PartnerIndexPage, PartnerPage

        context = super().get_context(value, parent_context)
        locale_id = _page_locale(parent_context)
        partners = visible_to_public(PartnerPage.objects.filter(locale_id=locale_id)).for_logos()
        # One query for both lists: the funder is shown apart from the members.
        context["partners"] = [p for p in partners if p.role != PartnerRole.FUNDER]
        context["funders"] = [p for p in partners if p.role == PartnerRole.FUNDER]
        context["partner_index"] = first_visible(PartnerIndexPage, locale_id)
        return context


class FeaturedPagesBlock(SectionBlock):
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("page")),
        label=_("pages"),
        help_text=_("Choose the German pages; English readers get their translations."),
    )

    class Meta:
        icon = "pick"
        label = _("Featured pages")
        template = "components/home/featured_pages_section.html"

    rendered_once = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["featured"] = localize_all(
            value["pages"], _page_locale(parent_context), specific=True
        )
        return context


class TextSectionBlock(SectionBlock):
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/home/text_section.html"


class HomeSectionsBlock(blocks.StreamBlock):
    programs = ProgramsTeaserBlock()
    latest_news = LatestNewsBlock()
    upcoming_events = UpcomingEventsBlock()
    partner_logos = PartnerLogosBlock()
    featured_pages = FeaturedPagesBlock()
    text = TextSectionBlock()
