from django import template

register = template.Library()


@register.filter
def elided_page_range(page_obj):
    """The page numbers around the current one, the first and the last, with gaps elided."""
    return page_obj.paginator.get_elided_page_range(page_obj.number)
