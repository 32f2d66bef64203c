from django import template

from core.locales import active_locale
from core.visibility import visible_to_public
from network.choices import PartnerRole
from network.models import PartnerPage

register = template.Library()


@register.inclusion_tag("components/press/network_partners.html", takes_context=True)
def network_partners(context, key):
    """The text alternative of the network diagram: live partners of the reader's language,
    grouped by their role, in the order of the roles."""
    partners = visible_to_public(PartnerPage.objects.filter(locale=active_locale())).order_by(
        "title"
    )
    groups = {role: [] for role in PartnerRole.values}
    for partner in partners:
        groups.setdefault(partner.role, []).append(partner)
    return {
        "request": context["request"],
        "element_id": f"network-partners-{key}",
        "groups": [
            (PartnerRole(role).label, members) for role, members in groups.items() if members
        ],
    }
