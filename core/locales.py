"""The site's locales, looked up by language without a query.

Every page asks for the reader's `Locale` several times (menus, links in the reader's language,
listings); Wagtail's `Locale.get_active()` queries the database each time. Locales are created
once and practically never change, so they are kept in the cache until one is saved or deleted
(`connect`, called by `CoreConfig.ready()`).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from . import request_memo

LOCALES_KEY = "core:locales"


def _by_language():
    return request_memo.memoised(LOCALES_KEY, _cached_by_language)


def _cached_by_language():
    locales = cache.get(LOCALES_KEY)
    if locales is None:
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cache.set(LOCALES_KEY, locales, timeout=None)
    return locales


def locale_for(language_code):
    """The Locale of a language code (or its supported variant), None if there is none."""
    try:
        language_code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _by_language().get(language_code)


def active_locale():
    """What `Locale.get_active()` returns: the reader's locale, else the default one."""
    return locale_for(get_language()) or locale_for(settings.LANGUAGE_CODE) or Locale.get_default()


def attach_locale(obj):
    """Give `obj` (a page or snippet) its Locale from the cache, so `obj.locale` needs no query."""
    if obj.locale_id is not None and not type(obj).locale.is_cached(obj):
        locale = next(
            (locale for locale in _by_language().values() if locale.pk == obj.locale_id), None
        )
        if locale is not None:
            obj.locale = locale


def forget_locales(**kwargs):
    cache.delete(LOCALES_KEY)
    request_memo.forget(LOCALES_KEY)
    transaction.on_commit(lambda: cache.delete(LOCALES_KEY))


def connect():
    uid = "core.locales"
    post_save.connect(forget_locales, sender=Locale, dispatch_uid=f"{uid}.save")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid=f"{uid}.delete")
