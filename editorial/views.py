"""wagtail-localize's translate, sync and convert views, with the page-level checks they lack.

The URLs are registered under the same paths before wagtail-localize's (see wagtail_hooks), so
every link and `reverse("wagtail_localize:…")` reaches these classes.
"""

import contextlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views import convert, submit_translations, update_translations

from core.translation import keep_translated_slugs, synchronise_live_translations
from network.models import PartnerPage

from .permissions import (
    can_convert_to_alias,
    can_create_translation,
    can_update_target,
    sync_targets,
)


class GuardedTranslationCreator(TranslationCreator):
    """wagtail-localize's creator, publishing nothing the user could not publish by hand.

    Upstream publishes every translation of a live source (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_
    TRANSLATE), whoever asks, with the untranslated German text; here a new page translation
    always starts as a draft (an English alias it replaces stays live until then), and a draftable
    snippet's only where the user may publish. Related objects (snippets the page uses) are
    created as upstream does.
    """

    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        self.seen_objects.add(instance.translation_key)

        source, _created = TranslationSource.get_or_create_from_instance(instance)
        if include_related_objects:
            for related_object_segment in source.relatedobjectsegment_set.all():
                related_instance = related_object_segment.object.get_instance(instance.locale)
                self.create_translations(related_instance, include_related_objects=False)

        mode = getattr(
            instance,
            "localize_default_translation_mode",
            getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
        )
        for target_locale in self.target_locales:
            if target_locale == source.locale:
                continue
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=target_locale, defaults={"enabled": mode == "synced"}
            )
            self.mappings[source].append(translation)
            if isinstance(instance, Page):
                # A new page translation still shows the German text: it is published from the
                # translation editor once translated, never by "Translate" itself.
                publish = False
            elif isinstance(instance, DraftStateMixin):
                publish = getattr(instance, "live", True) and can_create_translation(
                    self.user, instance, target_locale, publish=True
                )
            else:
                publish = True
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.user, publish=publish)


class GuardedSubmitMixin:
    def allowed_locales(self):
        candidates = Locale.objects.exclude(pk=self.object.locale_id)
        return [
            locale
            for locale in candidates
            if can_create_translation(self.request.user, self.object, locale)
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(["wagtail_localize.submit_translation"]):
            raise PermissionDenied
        self.object = self.get_object()
        self.permitted_locales = self.allowed_locales()
        if not self.permitted_locales:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        # Locales the user may not write into are not offered, and a forged POST for one fails
        # validation like any other invalid choice.
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(
            pk__in=[locale.pk for locale in self.permitted_locales]
        )
        return form

    def form_valid(self, form):
        if form.cleaned_data.get("include_subtree") and not self.request.user.is_superuser:
            # Subtree translation runs unchecked over pages of other spaces and has corrupted
            # page trees upstream (wagtail-localize #773): translate page by page instead.
            messages.error(self.request, _("Translate the pages one by one, please."))
            return redirect(self.request.get_full_path())
        with transaction.atomic():
            creator = GuardedTranslationCreator(self.request.user, form.cleaned_data["locales"])
            creator.create_translations(self.object)
            self.components.save(creator, sources_and_translations=creator.mappings)

        locales = form.cleaned_data["locales"]
        translated = None
        if len(locales) == 1:
            translated = self.object.get_translation(locales[0])
            label = locales[0].get_display_name()
        else:
            label = _("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(label))
        return redirect(self.get_success_url() or self.get_default_success_url(translated))


class SubmitPageTranslationView(GuardedSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(
    GuardedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """The "Sync translated pages" view: only with edit rights on every target; "Publish
    immediately" is offered (and accepted) only with publish rights on every target; afterwards
    the user lands on the translation (the `next` URL, else the only target's editor), not on the
    German page."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(["wagtail_localize.submit_translation"]):
            raise PermissionDenied
        self.object = self.get_object()
        publish = request.method == "POST" and bool(request.POST.get("publish_translations"))
        self.target_instances = list(sync_targets(self.object))
        if not self.target_instances or not all(
            can_update_target(request.user, target, publish=publish)
            for target in self.target_instances
        ):
            raise PermissionDenied
        self.may_publish = all(
            can_update_target(request.user, target, publish=True)
            for target in self.target_instances
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            del form.fields["publish_translations"]
        return form

    @transaction.atomic
    def form_valid(self, form):
        # Upstream reads the field unconditionally.
        form.cleaned_data.setdefault("publish_translations", False)
        self.object.update_from_db()  # upstream does it again, harmlessly
        keep_translated_slugs(self.object)
        response = super().form_valid(form)
        if not form.cleaned_data["publish_translations"]:
            synchronise_live_translations(self.object)
        return response

    def get_default_success_url(self):
        if len(self.target_instances) == 1:
            return self.get_edit_url(self.target_instances[0])
        return super().get_default_success_url()


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias", for those who may publish the page and its source.

    Converting replaces the translation's content, live, with the source page's at once: no
    revision, no moderation. Upstream asks for edit rights only.
    """
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not can_convert_to_alias(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@require_admin_access
def edit_page(request, page_id):
    """Wagtail's page editor, except that an editor who opens another institution's page is told
    whose page it is instead of Wagtail's bare "no permission" (same redirect to the dashboard)."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        owner = PartnerPage.objects.ancestor_of(page, inclusive=True).first()
        if owner is not None:
            messages.error(
                request,
                _(
                    "This page belongs to “%(partner)s”. You can edit the pages of your own "
                    "institution only; the K3 editorial team can help with the others."
                )
                % {"partner": owner.title},
            )
            return redirect("wagtailadmin_home")
    return wagtail_edit_view(request, page_id)


wagtail_edit_view = EditView.as_view()
