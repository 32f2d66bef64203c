"""The kinds of page a reader can filter search results by.

Keyed by model label and looked up when needed, so search imports none of the content apps.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ResultType:
    slug: str
    label: Promise
    model_label: str = ""

    @property
    def models(self):
        return [apps.get_model(self.model_label)] if self.model_label else []


EVENT = ResultType("event", _("Event"), "events.EventPage")
PROGRAM = ResultType("program", _("Programme"), "network.ProgramPage")
FELLOW = ResultType("fellow", _("Fellow"), "network.FellowProfilePage")
PARTNER = ResultType("partner", _("Partner"), "network.PartnerPage")
NEWS = ResultType("news", _("News"), "news.NewsPage")
PRESS_RELEASE = ResultType("press", _("Press release"), "press.PressReleasePage")
PAGE = ResultType("page", _("Page"))  # everything else: standard pages, index pages, home pages

SPECIFIC_TYPES = (EVENT, PROGRAM, FELLOW, PARTNER, NEWS, PRESS_RELEASE)


def available_types():
    """The types a reader can filter by, "page" (everything else) last."""
    return [*SPECIFIC_TYPES, PAGE]


def type_by_slug(slug):
    return {result_type.slug: result_type for result_type in available_types()}.get(slug)


def _content_type_ids(models):
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def filter_by_type(pages, result_type):
    """Only pages of this type (a PageQuerySet, before searching)."""
    if result_type is PAGE:
        specific_models = [model for other in SPECIFIC_TYPES for model in other.models]
        return pages.exclude(content_type_id__in=_content_type_ids(specific_models))
    return pages.filter(content_type_id__in=_content_type_ids(result_type.models))


def type_of(page):
    """The ResultType of a (specific) page."""
    for result_type in SPECIFIC_TYPES:
        if isinstance(page, tuple(result_type.models)):
            return result_type
    return PAGE
