"""The breadcrumb trail of a page: its language's home page, the section and every page between
there and the page itself. Shown (templates/components/breadcrumbs.html) and described as a
schema.org BreadcrumbList (core.structured_data) from the same trail.

Only pages below a section get a trail (home → section → page): the main menu already says where
a section page is. Ancestors are those of the page's own language tree, so an English page leads
through English pages; an untranslated one among them (an alias showing German text) carries its
language for the lang attribute. Ancestors the public cannot see (drafts, private pages) are left
out, the tree's root and anything above the site's home page too.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from wagtail.models import Page, Site

from . import lookup_cache
from .translation import untranslated_language, with_translation_state
from .visibility import visible_to_public

# home (the site's root page) → section → page
MINIMUM_DEPTH_BELOW_HOME = 2


@dataclass
class Crumb:
    title: str
    url: str
    lang: str = ""  # the language of the title where it differs from the page's language


def breadcrumb_trail(request, page):
    """[Crumb] from the home page to `page` (the last one), or [] where no trail is shown.

    One query however deep the page (the ancestors), none while the ancestors' crumbs are in
    the cache (core.lookup_cache); kept on the page for the visible trail and the
    BreadcrumbList.
    """
    if not isinstance(page, Page) or not page.pk:
        return []
    if not hasattr(page, "_k3_breadcrumbs"):
        page._k3_breadcrumbs = _trail(request, page)
    return page._k3_breadcrumbs


def _trail(request, page):
    site = Site.find_for_request(request)
    if site is None:
        return []
    home_depth = site.root_page.depth
    if page.depth < home_depth + MINIMUM_DEPTH_BELOW_HOME:
        return []
    # The ancestors' part is the same for every reader of the language until content changes;
    # the page's own crumb is not kept (a preview shows its draft title).
    trail = lookup_cache.cached(
        f"breadcrumbs:{site.pk}:{page.pk}:{get_language()}",
        lambda: _ancestor_crumbs(request, page, home_depth),
    )
    source = getattr(page, "untranslated_source", None)
    return [
        *trail,
        Crumb(
            title=page.title,
            url=page.get_url(request),
            lang=source.locale.language_code if source else "",
        ),
    ]


def _ancestor_crumbs(request, page, home_depth):
    ancestors = with_translation_state(
        visible_to_public(page.get_ancestors().filter(depth__gte=home_depth))
    ).order_by("depth")
    trail = []
    for ancestor in ancestors:
        url = ancestor.get_url(request)
        if not url:
            continue  # not below any site: unroutable
        is_home = ancestor.depth == home_depth
        trail.append(
            Crumb(
                # The home page's own title is the site name: say where the crumb leads.
                title=capfirst(gettext("home page")) if is_home else ancestor.title,
                url=url,
                lang="" if is_home else untranslated_language(ancestor),
            )
        )
    return trail
