"""The network, its partners and fellows as schema.org data (rendered by core.structured_data).

The network's members, lead institution and funder are not written down twice: they are the
partner pages and their roles. A partner appears in the language tree the reader is in (the
English tree lists every partner, as translation or as alias); its address is the one whose text
it shows, so an untranslated alias points to its German page, as its canonical link does.
"""

from django.utils.translation import get_language, gettext

from core import lookup_cache
from core.metadata import description, own_description
from core.structured_data import (
    NETWORK_ALTERNATE_NAMES,
    NETWORK_FOUNDING_DATE,
    NETWORK_NAME,
    SCHEMA_ORG,
    image_object,
    iso,
    language_home_url,
    network_id,
    network_logo,
    network_reference,
    page_url,
)
from core.translation import content_language, untranslated_sources
from core.visibility import visible_to_public

from .choices import PartnerRole
from .models import PartnerPage


def network_organization(request, home):
    """The whole network as the home page of `home`'s language describes it.

    Members are the partners with their role in K3 (schema.org's OrganizationRole between
    `member` and the partner: "lead institution" is a role the lead plays as a member, it did
    not found the network on its own); funders are `funder`, not members. Four queries at
    most, however many partners; none while members and funders are in the cache (they change
    when a page does: core.lookup_cache).
    """
    language = home.locale.language_code
    members, funders = lookup_cache.cached(
        f"network-members:{home.locale_id}:{get_language()}:{request.build_absolute_uri('/')}",
        lambda: _members_and_funders(request, home),
    )
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Organization",
        "@id": network_id(request),
        "name": NETWORK_NAME,
        "alternateName": NETWORK_ALTERNATE_NAMES,
        "url": language_home_url(request, language),
        "logo": network_logo(request),
        "description": description(home),
        "foundingDate": iso(NETWORK_FOUNDING_DATE),
        "areaServed": {"@type": "State", "name": gettext("North Rhine-Westphalia")},
    }
    if members:
        data["member"] = members
    if funders:
        data["funder"] = funders[0] if len(funders) == 1 else funders
    return data


def _members_and_funders(request, home):
    partners = list(
        visible_to_public(PartnerPage.objects.filter(locale_id=home.locale_id)).order_by("title")
    )
    sources = untranslated_sources(partners)
    members, funders = [], []
    for partner in partners:
        shown = sources.get(partner.pk, partner)
        if partner.role == PartnerRole.FUNDER:
            funders.append(partner_reference(request, partner, shown, "GovernmentOrganization"))
            continue
        members.append(
            {
                "@type": "OrganizationRole",
                "roleName": partner.get_role_display(),
                "member": partner_reference(request, partner, shown),
            }
        )
    return members, funders


def partner_reference(request, partner, shown=None, schema_type="Organization"):
    """A partner institution named in other data: its name, its page here (`shown`: the page
    whose text it shows, its German original for an untranslated one) and its own website."""
    shown = shown or partner.untranslated_source or partner
    data = {"@type": schema_type, "name": partner.title, "url": page_url(request, shown)}
    if partner.website:
        data["sameAs"] = partner.website
    return data


def fellow_person(request, fellow):
    """A fellow's profile as schema.org Person; `fellow` as prepared for its page
    (network.models.prepare_fellow_cards)."""
    language = content_language(fellow)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Person",
        "name": fellow.title,
        "url": page_url(request, fellow.untranslated_source or fellow),
        # The host institution, else the network whose program the fellow is in.
        "affiliation": (
            partner_reference(request, fellow.host_partner)
            if fellow.host_partner
            else network_reference(request, fellow.locale.language_code)
        ),
    }
    if own_description(fellow):
        data["description"] = own_description(fellow)
    disciplines = [entry.name for entry in getattr(fellow, "localized_disciplines", [])]
    if disciplines:
        data["knowsAbout"] = disciplines
    if fellow.portrait is not None:
        data["image"] = image_object(request, fellow.portrait, language)
    links = [fellow.website] if fellow.website else []
    links += [link.value["url"] for link in fellow.links if link.value["url"]]
    if links:
        data["sameAs"] = links
    return data
