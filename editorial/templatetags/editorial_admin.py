from django import template

from ..visibility import may_show_page

register = template.Library()


@register.simple_tag(takes_context=True)
def page_title_visible(context, page):
    """May the current user see this page's title (editable by them, or public)?"""
    request = context.get("request")
    return page is not None and request is not None and may_show_page(page, request.user)
