import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page

from ..permissions import can_convert_to_alias
from ..visibility import may_show_page

register = template.Library()


@register.simple_tag(takes_context=True)
def page_title_visible(context, page):
    """May the current user see this page's title (editable by them, or public)?"""
    request = context.get("request")
    return page is not None and request is not None and may_show_page(page, request.user)


@register.simple_tag(takes_context=True)
def translation_editor_props(context):
    """The translation editor's props without "Convert to alias page" for those who may not
    convert (editorial.views.convert_to_alias would refuse them; wagtail-localize offers it to
    anyone who may edit, as the editor's last action before "Publish", or as the main one)."""
    props = context["props"]
    instance = context.get("instance")
    request = context.get("request")
    if not isinstance(instance, Page) or request is None:
        return props
    data = json.loads(props)
    links = data.get("links", {})
    if links.get("convertToAliasUrl") and not can_convert_to_alias(request.user, instance):
        links["convertToAliasUrl"] = None
        return json.dumps(data, cls=DjangoJSONEncoder)
    return props
