"""Page-level checks for translating, which wagtail-localize leaves to one global permission.

The rule: creating, syncing or publishing a translation writes to the *target* page, so the user
needs the rights there that the page editor would ask for. A translator (rights on the English
tree only) may thus translate any German page into English without touching the German source; a
partner editor may translate only its own space; nobody publishes a translation they could not
publish by hand.
"""

import contextlib

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name


def _is_page(instance):
    return isinstance(instance, Page)


def can_create_page_translation(user, page, locale, publish=False):
    """May `user` create (or convert an alias into) `page`'s translation in `locale`?"""
    if user.is_superuser:
        return True
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        perms = existing.permissions_for_user(user)
        return perms.can_edit() and (not publish or perms.can_publish())
    parent = page.get_parent()
    target_parent = parent.get_translation_or_none(locale) if parent else None
    if target_parent is None:
        # wagtail-localize would create the missing parents too; only whoever may create pages
        # at the top of that locale's tree may do that.
        return False
    perms = target_parent.permissions_for_user(user)
    return perms.can_add_subpage() and (not publish or perms.can_publish_subpage())


def can_change_snippet(user, instance, publish=False):
    model = type(instance)
    if not user.has_perm(get_permission_name("change", model)):
        return False
    if publish and isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", model))
    return True


def can_create_translation(user, instance, locale, publish=False):
    if _is_page(instance):
        return can_create_page_translation(user, instance, locale, publish=publish)
    return can_change_snippet(user, instance, publish=publish)


def can_update_target(user, target, publish=False):
    """May `user` overwrite (and, if asked, publish) an existing translation `target`?"""
    if user.is_superuser:
        return True
    if _is_page(target):
        perms = target.permissions_for_user(user)
        return perms.can_edit() and (not publish or perms.can_publish())
    return can_change_snippet(user, target, publish=publish)


def can_convert_to_alias(user, page):
    """May `user` turn the translation `page` back into an alias of its source?

    Converting replaces the translation, live and at once, with the source page's content, so it
    is for those who may publish both: moderators, not translators (who publish English only)
    nor partner editors (who publish nothing).
    """
    if user.is_superuser:
        return True
    if not page.permissions_for_user(user).can_publish():
        return False
    sources = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    return any(source.permissions_for_user(user).can_publish() for source in sources)


def sync_targets(source):
    """The existing instances a sync of `source` (a TranslationSource) would overwrite."""
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        with contextlib.suppress(ObjectDoesNotExist):
            yield translation.get_target_instance()
        # A target deleted meanwhile is simply skipped, as wagtail-localize's save_target would.


def can_sync(user, source, publish=False):
    """May `user` use "Sync translated pages" on `source` (and publish what it writes)?"""
    targets = list(sync_targets(source))
    return bool(targets) and all(
        can_update_target(user, target, publish=publish) for target in targets
    )
