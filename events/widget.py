"""The event widget partners embed in their own sites (docs/widget.md).

A partner pastes a `<div data-k3-events …>` and our script (k3cms/static/js/k3-events-widget.js);
the script fetches `fragment` below, an HTML fragment of upcoming events filtered exactly like the
calendar, and shows it in a shadow root styled by our widget stylesheet. The fragment is public,
the same for every reader: it sets no cookie, may be read from any origin and may be cached.

The admin page `WidgetSnippetView` hands each partner editor the snippet for their institution.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from core.visibility import visible_to_public

from .filters import EventFilter
from .models import EventIndexPage
from .permissions import editable_partners

DEFAULT_LIMIT = 5
MAX_LIMIT = 20
DEFAULT_HEADING_LEVEL = 2
# Long enough to spare us a request per page view of a busy partner site, short enough that a
# published change shows within minutes (the calendar itself invalidates on publish).
MAX_AGE = 5 * 60
SCRIPT_PATH = "js/k3-events-widget.js"
STYLESHEET_PATH = "css/k3-events-widget.css"


def bounded_int(value, default, lowest, highest):
    """`value` as a whole number within [lowest, highest], else `default`."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, lowest), highest)


def active_calendar():
    """The calendar page of the active language visible to the public, or None."""
    return visible_to_public(EventIndexPage.objects.filter(locale=Locale.get_active())).first()


# --- The fragment --------------------------------------------------------------------------------


@require_safe
def fragment(request):
    """Upcoming events for a partner's site: the calendar's filters, `limit` and `heading`."""
    calendar = active_calendar()
    if calendar is None:
        raise Http404("No calendar in this language.")
    listing = EventFilter(calendar, request.GET)
    limit = bounded_int(request.GET.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT)
    level = bounded_int(request.GET.get("heading"), DEFAULT_HEADING_LEVEL, 1, 5)
    events = listing.prepare(listing.listing()[:limit])
    partner = listing.active.get("partner")
    response = render(
        request,
        "components/events/widget.html",
        {
            "events": events,
            "notes": listing.notes,
            "heading_level": level,
            "event_heading_level": level + 1,
            # Only co-organised events name their organiser on the partner's own widget.
            "partner_path": listing.calendar.partner_targets[partner].path if partner else None,
            "calendar_url": listing.with_query(
                request.build_absolute_uri(calendar.get_url(request))
            ),
            "stylesheet_url": request.build_absolute_uri(static(STYLESHEET_PATH)),
        },
    )
    # Read by scripts on partner sites, without credentials: any origin may, no cookie is ever
    # involved, so `*` is safe (a credentialed request would be refused with it).
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


# --- The admin page ---------------------------------------------------------------------------


def script_url(request):
    """The script's address without the content hash of production's static storage: a snippet
    is pasted once and must keep working after every deployment."""
    return request.build_absolute_uri(settings.STATIC_URL + SCRIPT_PATH)


def widget_partners(user):
    """The live German partner pages whose widget `user` may see: those they may edit (every
    partner for K3 Redaktion and administrators)."""
    return (
        editable_partners(user)
        .live()
        .filter(locale=Locale.get_default())
        .order_by("title")
        .select_related("locale")
    )


def snippet(request, partner, language):
    """What `partner` pastes for a widget in `language` (None without a page in it)."""
    page = partner.get_translation_or_none(Locale.objects.get(language_code=language))
    if page is None or not page.live:
        return None
    with translation.override(language):
        calendar = active_calendar()
        calendar_url = request.build_absolute_uri(calendar.get_url(request)) if calendar else ""
        code = render_to_string(
            "events/widget_snippet.html",
            {
                "language": language,
                "partner": page,
                "calendar_url": calendar_url,
                "script_url": script_url(request),
                "limit": DEFAULT_LIMIT,
            },
        )
    return {
        "language": language,
        "label": translation.get_language_info(language)["name_translated"],
        "code": code.strip(),
    }


class WidgetSnippetView(WagtailAdminTemplateMixin, TemplateView):
    """The snippets (German and English) for one of the partners the user may edit."""

    page_title = _("Event widget")
    header_icon = "code"
    template_name = "events/widget_admin.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        partners = list(widget_partners(self.request.user))
        chosen = self.request.GET.get("partner", "")
        # Anything but one of the user's own partners (another's slug, rubbish) shows the first.
        partner = next((p for p in partners if p.slug == chosen), partners[0] if partners else None)
        snippets = []
        if partner is not None:
            for language, _name in settings.LANGUAGES:
                code = snippet(self.request, partner, language)
                if code:
                    snippets.append(code)
        return super().get_context_data(
            partners=partners,
            partner=partner,
            snippets=snippets,
            origin=self.request.build_absolute_uri("/").rstrip("/"),
            **kwargs,
        )


class WidgetMenuItem(MenuItem):
    """Shown to those with an institution's widget to see."""

    def is_shown(self, request):
        return widget_partners(request.user).exists()
