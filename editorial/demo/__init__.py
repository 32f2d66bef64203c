"""Every demo account (users.yaml): the admin, the central team and one editor per partner.

Demo users exist only because the demo loader made them; production settings never create any.
The admin is made first (translations are recorded as his), the rest by `build`, which runs last:
it needs the partner pages and the English tree.
"""

from functools import cache

import factory
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail_localize.models import LocaleSynchronization

from core.demo import DEMO_PASSWORD, demo_data
from core.factories import UserFactory
from network.models import PartnerPage

from ..groups import PRESS, REDAKTION, TRANSLATION
from ..models import PartnerSpace

USERS = demo_data(__package__, "users.yaml")
GROUPS = {"editorial-team": REDAKTION, "translation": TRANSLATION, "press": PRESS}


def demo_user(username, first_name="", last_name="", superuser=False, groups=()):
    """The one place demo accounts are made: found by username, created with the demo password.

    Through UserFactory, not editorial.factories' role helpers: those re-sync every group per
    user (most of a second each), the demo syncs them once in `build`.
    """
    return UserFactory(
        username=username,
        first_name=first_name,
        last_name=last_name,
        superuser=superuser,
        password=factory.Transformer.Force(hashed_demo_password()),
        groups=list(groups),
    )


@cache
def hashed_demo_password():
    return make_password(DEMO_PASSWORD)  # hashing is slow on purpose: once, not per user


def demo_admin():
    return demo_user(**USERS["admin"])


def build(demo):
    # The English tree must exist before the groups are made, so the partner groups get their
    # English subtrees too (the loader syncs the locale trees only after all builders).
    sync, _created = LocaleSynchronization.objects.get_or_create(
        locale=demo.english, defaults={"sync_from": demo.german}
    )
    sync.sync_trees()
    call_command("sync_partner_spaces", verbosity=0)

    for spec in USERS["central_team"]:
        group = Group.objects.get(name=GROUPS[spec["group"]])
        demo_user(spec["username"], spec["first_name"], spec["last_name"], groups=[group])

    spaces = {space.partner_key: space for space in PartnerSpace.objects.select_related("group")}
    for partner in PartnerPage.objects.filter(locale=demo.german):
        space = spaces.get(partner.translation_key)
        groups = [space.group] if space is not None else []
        demo_user(partner_editor_name(partner), first_name=partner.title[:150], groups=groups)
    demo.log(
        f"Editorial: {len(spaces)} partner spaces, users redaktion/uebersetzung/presse and "
        f"<partner>-editor (password {DEMO_PASSWORD})."
    )


def partner_editor_name(partner):
    return f"{partner.slug}-editor"
