"""Demo builder: the editorial groups, the workflow and one demo user per role (see core.demo).

Runs last: it needs the partner pages (network) and the English tree. Demo users exist only
because the demo loader made them; production settings never create any.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from core.demo import DEMO_PASSWORD
from network.models import PartnerPage

from .groups import PRESS, REDAKTION, TRANSLATION
from .models import PartnerSpace

CENTRAL_USERS = [
    # username, first name, last name, group
    ("redaktion", "Rita", "Redaktion", REDAKTION),
    ("uebersetzung", "Üma", "Übersetzung", TRANSLATION),
    ("presse", "Paul", "Presse", PRESS),
]


def demo_user(username, first_name="", last_name=""):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.org",
            "first_name": first_name,
            "last_name": last_name,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def partner_editor_name(partner):
    return f"{partner.slug}-editor"


def build(demo):
    # The English tree must exist before the groups are made, so the partner groups get their
    # English subtrees too (the loader syncs the locale trees only after all builders).
    from wagtail_localize.models import LocaleSynchronization

    sync, _created = LocaleSynchronization.objects.get_or_create(
        locale=demo.english, defaults={"sync_from": demo.german}
    )
    sync.sync_trees()
    call_command("sync_partner_spaces", verbosity=0)

    for username, first_name, last_name, group_name in CENTRAL_USERS:
        demo_user(username, first_name, last_name).groups.add(Group.objects.get(name=group_name))

    spaces = {space.partner_key: space for space in PartnerSpace.objects.select_related("group")}
    partners = PartnerPage.objects.filter(locale=demo.german)
    for partner in partners:
        space = spaces.get(partner.translation_key)
        if space is not None:
            demo_user(partner_editor_name(partner), partner.title[:150]).groups.add(space.group)
    demo.log(
        f"Editorial: {len(spaces)} partner spaces, users redaktion/uebersetzung/presse and "
        f"<partner>-editor (password {DEMO_PASSWORD})."
    )
