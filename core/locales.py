"""The site's locales, looked up by language without a query.

Every page asks for the reader's `Locale` several times (menus, links in the reader's language,
listings); Wagtail's `Locale.get_active()` queries the database each time. Locales are created
once and practically never change, so they are kept like a look-up until one is saved or deleted
(core.lookup_cache watches them).
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from . import lookup_cache


def _by_language():
    return lookup_cache.cached(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


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
