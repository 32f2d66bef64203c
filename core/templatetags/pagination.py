from django import template

register = template.Library()


@register.filter
def elided_page_range(page_obj):
    """The page numbers around the current one, the first and the last, with gaps elided."""
    return page_obj.paginator.get_elided_page_range(page_obj.number)


@register.simple_tag(takes_context=True)
def page_href(context, number, querystring=""):
    """The link to page `number` keeping the listing's filters; page 1 has no `page=`, as
    `?page=1` redirects to the bare address (core.models.PaginatedListingMixin)."""
    if number != 1:
        querystring = f"{querystring}&page={number}" if querystring else f"page={number}"
    return f"?{querystring}" if querystring else context["request"].path
