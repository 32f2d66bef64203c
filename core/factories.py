"""Factories for core's media and users, the base page factory, and translation helpers.

One set of factories serves the tests and the demo builders (as in ONSdigital/dis-wagtail).
Page factories file their pages below the default site's root page, under the index page the page
type belongs to, made on demand: with a site in place (`tests/conftest.py::site`),
`EventPageFactory()` alone makes a valid, published event.

Pages are saved like an editor saves them: a revision, published unless `live=False` was given
(then a draft). Many-to-many choices are passed as lists, e.g. `topics=[topic]`.
"""

from contextlib import contextmanager, nullcontext

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .licences import DocumentLanguage, Licence
from .models import K3Document, K3Image

TEST_PASSWORD = "k3-test"


def locale(language_code=None):
    """The Locale for a language code (the default language if None), made if missing."""
    return Locale.objects.get_or_create(language_code=language_code or settings.LANGUAGE_CODE)[0]


def _as_locale(value):
    return value if isinstance(value, Locale) else locale(value)


def site_root_page():
    """The default site's root page: the German home page once a site is set up."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise LookupError("No default site: request the `site` fixture or run the demo first.")
    return site.root_page.specific


def first_or_create(page_factory, parent=None, **fields):
    """The page of the factory's type directly below `parent` (the site's root page by
    default), made with `fields` if there is none: index pages exist once per language."""
    parent = parent or site_root_page()
    model = page_factory._meta.model
    existing = model.objects.child_of(parent).first()
    return existing if existing is not None else page_factory(parent=parent, **fields)


def many_to_many(field_name):
    """A post-generation hook that sets a (parental) many-to-many field from a list."""

    def set_values(obj, create, extracted, **kwargs):
        if extracted is not None:
            getattr(obj, field_name).set(extracted)
        return extracted

    return factory.PostGeneration(set_values)


class K3ImageFactory(wagtail_factories.ImageFactory):
    """A small generated PNG with the alt text, credit and licence every image must carry."""

    class Meta:
        model = K3Image

    # wagtail-factories would make a new root collection for every image.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Bild {n}")
    file = factory.django.ImageField(
        filename="bild.png",
        format="PNG",
        width=40,
        height=30,
        color="teal",
    )
    description = factory.LazyAttribute(lambda image: f"Beschreibung von {image.title}")
    credit = "Foto: K3 Test"
    licence = Licence.CC_BY_4


class K3DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = K3Document

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.django.FileField(filename="dokument.pdf", data=b"%PDF-1.4\n%%EOF\n")
    language = DocumentLanguage.GERMAN
    licence = Licence.CC_BY_4


class UserFactory(factory.django.DjangoModelFactory):
    """A user who can log in with TEST_PASSWORD; `UserFactory(superuser=True)` for an admin."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_staff=True, is_superuser=True)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"Muster {n}")
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*extracted)


@contextmanager
def indexed_once(model):
    """Defer the search and reference index updates of `model`'s saves while a page is made.

    Making a page saves it four times (created, many-to-many choices, revision, publish), and each
    save would update both indexes; the factory updates them once, for the finished page, instead.
    """
    disconnected = post_save.disconnect(search_index_on_save, sender=model)
    already_off = getattr(reference_index_auto_update_disabled, "value", False)  # nested pages
    try:
        with nullcontext() if already_off else disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(search_index_on_save, sender=model)


class BasePageFactory(wagtail_factories.PageFactory):
    """Saves a revision of each page and publishes it, unless the page is made with live=False."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Seite {n}")

    @classmethod
    def _generate(cls, strategy, params):
        if strategy != factory.enums.CREATE_STRATEGY:
            return super()._generate(strategy, params)
        with indexed_once(cls._meta.model):
            page = super()._generate(strategy, params)
        search_index.insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)
        return page

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        if not create:
            return
        if any(value is not None for value in (results or {}).values()):
            page.save()  # commits the many-to-many choices the hooks set
        revision = page.save_revision()
        if page.live:
            revision.publish()
            page.refresh_from_db()


# --- Translations ------------------------------------------------------------------------------


def translate(instance, language, publish=True, user=None, strings=None, **fields):
    """A real wagtail-localize translation of a page or snippet into `language`, with `fields`.

    Goes through TranslationSource/Translation as the admin's "Translate" does, so the translation
    knows its source (status, "out of date"); untranslated text falls back to the source, missing
    parent pages are copied. `strings` (source text -> translated text) translates the segments as
    a translator does in the editor; then every segment needs an entry (LookupError otherwise).
    `fields` (e.g. title, slug, intro) are then set on the translation and saved as a new
    revision, published unless `publish=False` (a draft translation).
    """
    target_locale = _as_locale(language)
    if isinstance(instance, Page):
        instance = instance.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    if strings is not None:
        translate_strings(source, target_locale, strings, user)
    is_page = isinstance(instance, Page)
    # Pages as a draft, published below: wagtail-localize publishes on commit, which never comes
    # inside a test's transaction (so a demo loaded there would have no live translations), and
    # would come after `fields` and undo them.
    translation.save_target(user=user, publish=not is_page)
    target = instance.get_translation(target_locale)
    if not is_page:
        for name, value in fields.items():
            setattr(target, name, value)
        if fields:
            target.save()
        return target
    target = target.specific
    for name, value in fields.items():
        setattr(target, name, value)
    revision = target.save_revision(user=user) if fields else target.get_latest_revision()
    if publish:
        revision.publish(user=user)
        target.refresh_from_db()
    return target


def translate_strings(source, target_locale, strings, user=None):
    """Manual translations of every segment of `source` from `strings` (source -> target text)."""
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if text not in strings:
            raise LookupError(f"No translation for {text!r} ({source.get_source_instance()}).")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={
                "data": strings[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )


def alias_in(page, language):
    """The page's untranslated alias in `language`, as locale synchronisation would make it."""
    target_locale = _as_locale(language)
    existing = page.get_translation_or_none(target_locale)
    if existing is not None:
        return existing.specific
    return page.specific.copy_for_translation(target_locale, copy_parents=True, alias=True).specific
