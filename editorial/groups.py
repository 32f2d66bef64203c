"""The editorial groups and their rights, made (and re-made) from the page tree.

Everything here is declarative: each function computes the rights a group should have and then
makes the database say exactly that, adding what is missing and removing what is not wanted any
more. Running it twice changes nothing; running it after the tree changed fixes the groups up.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    TranslatableMixin,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from core.collections import child_collection
from press.models import PRESS_COLLECTION

from .models import PartnerSpace

REDAKTION = "K3 Redaktion"
TRANSLATION = "Übersetzung"
PRESS = "Presse"
PARTNER_GROUP_SUFFIX = " – Redaktion"
PARTNER_COLLECTION = "Partner"
WORKFLOW_NAME = "K3-Freigabe"
TASK_NAME = "Freigabe durch die K3 Redaktion"

# Page rights per role (Wagtail's codenames on wagtailcore.Page). Partners add and edit in their
# space but never publish, lock or delete subtrees; publishing is the moderators' job. Translators
# (a central team) publish the translations of German pages K3 Redaktion already approved, on the
# non-default locale trees only.
PARTNER_PAGE_RIGHTS = ("add", "change")
TRANSLATOR_PAGE_RIGHTS = ("add", "change", "publish")
PRESS_PAGE_RIGHTS = ("add", "change", "publish")
MODERATOR_PAGE_RIGHTS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
# Media rights per collection. "add" lets a user upload and then edit or delete their own files;
# "change" would let them edit and delete everyone's, so partners only get add and choose.
PARTNER_MEDIA_RIGHTS = ("add", "choose")
# Venues: partners add them and change those of their institution (events.permissions), while
# K3 Redaktion changes every venue (it has all snippet rights).
PARTNER_VENUE_RIGHTS = ("add_venue", "change_own_venue")
PRESS_MEDIA_RIGHTS = ("add", "change", "choose")
MODERATOR_MEDIA_RIGHTS = ("add", "change", "delete", "choose")


@dataclass
class Rights:
    """What one group should have: global permissions, page rights, collection rights."""

    permissions: set = field(default_factory=set)  # Permission objects
    pages: set = field(default_factory=set)  # (page id, Permission)
    collections: set = field(default_factory=set)  # (collection id, Permission)


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_perm(action):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
    )


def _media_perms(actions):
    """Permission objects for images and documents (skipping actions a model does not define).

    Wagtail checks the permissions of its own Image and Document models even for custom
    ones (the permission policies' auth_model), so those are the ones to grant.
    """
    perms = []
    for app_label, model_name in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        codenames = [f"{action}_{model_name}" for action in actions]
        perms.extend(
            Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model_name,
                codename__in=codenames,
            )
        )
    return perms


def _model_perms(model, actions):
    ct = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return set(Permission.objects.filter(content_type=ct, codename__in=codenames))


def apply_rights(group, rights):
    """Make the group's permissions exactly `rights` (idempotent)."""
    group.permissions.set(rights.permissions)

    wanted_pages = {(page_id, perm.pk) for page_id, perm in rights.pages}
    existing = {(gpp.page_id, gpp.permission_id): gpp.pk for gpp in group.page_permissions.all()}
    GroupPagePermission.objects.filter(
        pk__in=[pk for key, pk in existing.items() if key not in wanted_pages]
    ).delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
        for page_id, perm_id in wanted_pages - existing.keys()
    )

    wanted_collections = {(coll_id, perm.pk) for coll_id, perm in rights.collections}
    existing = {
        (gcp.collection_id, gcp.permission_id): gcp.pk for gcp in group.collection_permissions.all()
    }
    GroupCollectionPermission.objects.filter(
        pk__in=[pk for key, pk in existing.items() if key not in wanted_collections]
    ).delete()
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection_id=coll_id, permission_id=perm_id)
        for coll_id, perm_id in wanted_collections - existing.keys()
    )


def admin_access():
    return {_perm("wagtailadmin", "access_admin"), _perm("wagtail_localize", "submit_translation")}


# --- Partner spaces -------------------------------------------------------------------------


def partner_group_name(title):
    return f"{title[: 150 - len(PARTNER_GROUP_SUFFIX)]}{PARTNER_GROUP_SUFFIX}"


def sync_partner_spaces(log=None):
    """One group and one collection per partner, with rights on its subtree in every locale."""
    from network.models import PartnerPage

    log = log or (lambda message: None)
    default_locale = Locale.get_default()
    partners = PartnerPage.objects.filter(locale=default_locale).order_by("path")
    partner_root = child_collection(Collection.get_first_root_node(), PARTNER_COLLECTION)
    page_rights = [_page_perm(action) for action in PARTNER_PAGE_RIGHTS]
    media_rights = _media_perms(PARTNER_MEDIA_RIGHTS)
    base_permissions = admin_access() | {
        _perm("events", codename) for codename in PARTNER_VENUE_RIGHTS
    }

    seen = set()
    for partner in partners:
        seen.add(partner.translation_key)
        with transaction.atomic():
            space = PartnerSpace.objects.filter(partner_key=partner.translation_key).first()
            name = partner_group_name(partner.title)
            if space is None:
                group, _created = Group.objects.get_or_create(name=name)
                space = PartnerSpace.objects.create(
                    partner_key=partner.translation_key, group=group
                )
            elif space.group.name != name:
                space.group.name = name
                space.group.save(update_fields=["name"])
            collection = child_collection(partner_root, partner.title, space.collection)
            if space.collection_id != collection.pk:
                space.collection = collection
                space.save(update_fields=["collection"])
            # Every locale's copy of the partner page roots the group's subtree there.
            pages = PartnerPage.objects.filter(translation_key=partner.translation_key)
            apply_rights(
                space.group,
                Rights(
                    permissions=base_permissions,
                    pages={(page.pk, perm) for page in pages for perm in page_rights},
                    collections={(collection.pk, perm) for perm in media_rights},
                ),
            )
        log(f"{space.group.name}: {len(pages)} locale(s)")

    # A partner that is gone loses its group's rights; its pages, media and members stay.
    for space in PartnerSpace.objects.exclude(partner_key__in=seen).select_related("group"):
        apply_rights(space.group, Rights())
        log(f"{space.group.name}: partner removed, rights withdrawn")


# --- Central groups -------------------------------------------------------------------------


def _snippet_and_setting_models():
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    models = set(get_snippet_models())
    models.update(
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting)
    )
    return models


def sync_central_groups():
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    # K3 Redaktion: the moderators. Everything editorial, nothing about accounts or the system
    # (users, groups, sites, locales stay with administrators).
    redaktion, _created = Group.objects.get_or_create(name=REDAKTION)
    permissions = set(admin_access())
    for model in _snippet_and_setting_models():
        permissions |= _model_perms(model, ("add", "change", "delete", "publish", "view"))
    if apps.is_installed("wagtail.contrib.redirects"):
        from wagtail.contrib.redirects.models import Redirect

        permissions |= _model_perms(Redirect, ("add", "change", "delete"))
    if apps.is_installed("wagtail.contrib.search_promotions"):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        permissions |= _model_perms(SearchPromotion, ("add", "change", "delete"))
    apply_rights(
        redaktion,
        Rights(
            permissions=permissions,
            pages={(root_page.pk, _page_perm(action)) for action in MODERATOR_PAGE_RIGHTS},
            collections={
                (root_collection.pk, perm) for perm in _media_perms(MODERATOR_MEDIA_RIGHTS)
            },
        ),
    )

    # Übersetzung: rights on every non-default locale's tree only, so the German source stays
    # untouchable; translating itself is checked against these rights (see editorial.permissions).
    translators, _created = Group.objects.get_or_create(name=TRANSLATION)
    target_roots = root_page.get_children().exclude(locale=Locale.get_default())
    # Translatable snippets: editing their translations needs "change" ("publish" where a snippet
    # has drafts); the German originals are kept off limits by a hook
    # (editorial.wagtail_hooks.keep_translators_off_source_snippets).
    translator_permissions = set(admin_access())
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            translator_permissions |= _model_perms(model, ("change", "publish", "view"))
    apply_rights(
        translators,
        Rights(
            permissions=translator_permissions,
            pages={
                (page.pk, _page_perm(action))
                for page in target_roots
                for action in TRANSLATOR_PAGE_RIGHTS
            },
            collections={(root_collection.pk, perm) for perm in _media_perms(("choose",))},
        ),
    )

    # Presse: the press room in every locale, with its own collection.
    press, _created = Group.objects.get_or_create(name=PRESS)
    press_pages = []
    if apps.is_installed("press"):
        try:
            press_room = apps.get_model("press", "PressRoomPage")
        except LookupError:
            press_room = None
        if press_room is not None:
            press_pages = list(press_room.objects.all())
    press_collection = child_collection(root_collection, PRESS_COLLECTION)
    apply_rights(
        press,
        Rights(
            permissions=admin_access(),
            pages={
                (page.pk, _page_perm(action))
                for page in press_pages
                for action in PRESS_PAGE_RIGHTS
            },
            collections={(press_collection.pk, perm) for perm in _media_perms(PRESS_MEDIA_RIGHTS)},
        ),
    )
    return redaktion, translators, press


def sync_workflow(redaktion):
    """One approval step by K3 Redaktion for every page of the site, in every locale."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([redaktion])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Assigned to the tree's root, so it covers the German and the English home and all below.
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    return workflow


def sync_all(log=None):
    redaktion, _translators, _press = sync_central_groups()
    sync_workflow(redaktion)
    sync_partner_spaces(log=log)
