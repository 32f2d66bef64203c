"""The pattern page, /de/muster/ and /en/muster/: the design system's tokens and every component,
for designers, developers and editors to check a change against. Not a Wagtail page, not in the
sitemap, marked noindex.

The colours and the spacing come from the tokens in `static/css/site.css` (read here, so the page
cannot drift from the stylesheet), each colour with its contrast on white and on the ink colour.
The cards are the real includes, rendered with the first visible page of each type in the
reader's language; a type with no page yet is left out.

It lives in `home`, the top layer, because it shows the cards of every content app.
"""

import re
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from core.models import K3Image
from core.visibility import visible_to_public
from events.models import EventPage, attach_lead_organisers
from network.models import FellowProfilePage, PartnerPage, ProgramPage, prepare_fellow_cards
from news.models import NewsPage

TOKEN = re.compile(r"^\s*--(?P<name>[\w-]+):\s*(?P<value>[^;]+);", re.MULTILINE)
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
TYPE_STEPS = ["4", "3", "2", "1", "0", "-1"]


@lru_cache(maxsize=1)
def design_tokens():
    """{name: value} of the custom properties in the stylesheet's :root."""
    with open(finders.find("css/site.css"), encoding="utf-8") as stylesheet:
        root = stylesheet.read().split(":root", 1)[1].split("}", 1)[0]
    return {match["name"]: match["value"].strip() for match in TOKEN.finditer(root)}


def relative_luminance(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first, second):
    """WCAG 2.1 contrast ratio of two #rrggbb colours, e.g. 21.0 for black on white."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return round((lighter + 0.05) / (darker + 0.05), 2)


def contrast_rating(ratio):
    if ratio >= 4.5:
        return _("AA for text")
    if ratio >= 3:
        return _("AA for large text and controls")
    return _("decoration only")


def colour_swatches(tokens):
    paper, ink = tokens["color-paper"], tokens["color-ink"]
    swatches = []
    for name, value in tokens.items():
        if not name.startswith("color-") or not HEX_COLOUR.match(value):
            continue
        on_paper, on_ink = contrast_ratio(value, paper), contrast_ratio(value, ink)
        swatches.append(
            {
                "name": f"--{name}",
                "value": value,
                "on_paper": on_paper,
                "on_paper_rating": contrast_rating(on_paper),
                "on_ink": on_ink,
                "on_ink_rating": contrast_rating(on_ink),
            }
        )
    return swatches


def space_scale(tokens):
    """The spacing tokens in rem, with their size in pixels at the default 16 px."""
    scale = []
    for name, value in tokens.items():
        if name.startswith("space-") and value.endswith("rem"):
            scale.append({"name": f"--{name}", "value": value, "px": round(float(value[:-3]) * 16)})
    return scale


def sample_cards(locale):
    """The first visible page of each card type in the reader's language, ready for its card."""

    def first(model):
        return visible_to_public(model.objects.filter(locale=locale))

    fellows = prepare_fellow_cards(first(FellowProfilePage).for_listing()[:1], locale)
    partner = first(PartnerPage).for_listing().first()
    if partner is not None:
        partner.localized_fields = list(partner.fields_of_action.all())
    events = attach_lead_organisers(first(EventPage).upcoming().for_listing()[:1])
    return {
        "program": first(ProgramPage).first(),
        "news": first(NewsPage).for_listing().first(),
        "event": events[0] if events else None,
        "partner": partner,
        "fellow": fellows[0] if fellows else None,
    }


@require_safe
def pattern_library(request):
    tokens = design_tokens()
    locale = Locale.get_active()
    sample_pages = Paginator(range(120), 10).page(4)
    context = {
        "colours": colour_swatches(tokens),
        "type_steps": [{"name": f"--step-{step}", "step": step} for step in TYPE_STEPS],
        "spaces": space_scale(tokens),
        "samples": sample_cards(locale),
        "sample_image": K3Image.objects.order_by("pk").first(),
        "sample_page_obj": sample_pages,
        "sample_trail": [
            {"url": request.path, "title": capfirst(_("home page"))},
            {"url": request.path, "title": _("Network")},
            {"url": request.path, "title": _("Pattern library")},
        ],
    }
    return render(request, "patterns/pattern_library.html", context)
