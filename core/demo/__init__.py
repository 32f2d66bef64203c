"""Helpers the demo builders share: idempotent page creation and real wagtail-localize translations.

Each app keeps its own builder (`<app>/demo.py` with `build(demo)`); the `load_demo_content`
command runs them in order, inside one transaction, and then refreshes the indexes.
"""

from dataclasses import dataclass, field

from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

DEMO_PASSWORD = "k3-demo"


@dataclass
class Demo:
    """What the builders hand each other: locales, the demo admin, pages by name."""

    german: Locale
    english: Locale
    admin: object
    stdout: object
    pages: dict = field(default_factory=dict)

    def log(self, message):
        self.stdout.write(message)


def child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, created (and published) only if it does not exist."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_page(page, locale, english, user=None):
    """Translate `page` into `locale` through wagtail-localize, from a German→English dictionary.

    The English page then has a real TranslationSource, so the admin shows its translation status
    and a later change to the German page marks it out of date. Every German segment needs an
    entry: a missing one is a bug in the demo, not something to paper over.
    """
    with transaction.atomic():
        return _translate_page(page, locale, english, user)


def _translate_page(page, locale, english, user):
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        german = segment.string.data
        if german not in english:
            raise CommandError(f"Demo content lacks an English text for {german!r} ({page}).")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": english[german],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.save_target(user=user, publish=True)
    return page.get_translation(locale)


def is_translated(page, locale):
    translated = page.get_translation_or_none(locale)
    return translated is not None and translated.alias_of_id is None


def site_root():
    return Page.get_first_root_node()
