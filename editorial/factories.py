"""Members of the editorial groups, for tests and the demo: the one place users get their roles.

Each helper first makes the groups say what the page tree implies (editorial.groups is
idempotent), so a partner's group exists once its page does.
"""

from django.contrib.auth.models import Group

from core.factories import UserFactory

from .groups import PRESS, REDAKTION, TRANSLATION, sync_all
from .models import PartnerSpace


def member_of(group_name, **fields):
    sync_all()
    return UserFactory(groups=[Group.objects.get(name=group_name)], **fields)


def moderator(**fields):
    """A member of K3 Redaktion, who approves and publishes."""
    return member_of(REDAKTION, **fields)


def translator(**fields):
    return member_of(TRANSLATION, **fields)


def press_officer(**fields):
    return member_of(PRESS, **fields)


def partner_editor(partner, **fields):
    """A member of the partner's own group: edits below the partner page, publishes nothing."""
    sync_all()
    space = PartnerSpace.objects.select_related("group").get(partner_key=partner.translation_key)
    fields.setdefault("username", f"{partner.slug}-editor")
    return UserFactory(groups=[space.group], **fields)
