"""Admin forms: checks every page, image and document form shares.

Small mixins, so that other checks (e.g. a stale-revision check) can be combined with them:

- SingleLineFieldsMixin refuses line breaks in one-line text fields. A title or credit with a
  CR/LF would add lines to the press kit's CREDITS.txt and break the headers of moderation mails.
- MediaChoiceMixin refuses images and documents the user may not choose (another partner's
  collection), whether posted into a ForeignKey field, a StreamField block or a rich text link.

The image form is in core.image_forms (Wagtail's image forms cannot be imported while models load).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.rich_text import extract_references_from_rich_text

# CR and LF, and the other characters Python and mail clients treat as line ends.
LINE_BREAK = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def reject_line_breaks(value):
    if isinstance(value, str) and LINE_BREAK.search(value):
        raise ValidationError(
            _("This field must be a single line: please remove the line break."),
            code="line_break",
        )


def is_single_line(field):
    """A text field drawn as a one-line input (not a textarea, rich text or StreamField)."""
    widget = field.widget
    return (
        isinstance(field, forms.CharField)
        and isinstance(widget, forms.widgets.Input)
        # Hidden inputs carry data the admin's scripts write, e.g. the rich text editor's HTML.
        and not isinstance(widget, forms.HiddenInput)
    )


class SingleLineFieldsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if is_single_line(field) and reject_line_breaks not in field.validators:
                field.validators.append(reject_line_breaks)


class KeepReplacedFileUntilCommitMixin:
    """For Wagtail's image and document forms: a replaced file is deleted only once the new one
    is committed. Wagtail deletes it during the save, so a save or transaction that then fails
    left the image or document pointing at a file that was gone."""

    def save(self, commit=True):
        replaced = commit and "file" in self.changed_data and self.original_file
        if replaced:
            old_name, storage = self.original_file.name, self.original_file.storage
            self.original_file = None  # keeps Wagtail's save from deleting it now
        instance = super().save(commit=commit)
        if replaced:
            if hasattr(instance, "renditions"):
                instance.renditions.all().delete()  # made from the old file
            transaction.on_commit(lambda: storage.delete(old_name))
        return instance


# --- Choosing media -------------------------------------------------------------------------


def media_models():
    return (get_image_model(), get_document_model())


def chooser_model(block):
    if isinstance(block, ImageChooserBlock):
        return get_image_model()
    if isinstance(block, DocumentChooserBlock):
        return get_document_model()
    return None


def media_in_rich_text(html):
    """(model, id) of documents linked and images embedded in rich text (stored HTML)."""
    for model, object_id, _path, _content_path in extract_references_from_rich_text(html or ""):
        if model in media_models() and str(object_id).isdigit():
            yield model, int(object_id)


def _pk(value):
    return getattr(value, "pk", value)


def media_in_block_value(block, value):
    """(model, id) of every image and document chosen anywhere inside a block's value."""
    if value is None:
        return
    model = chooser_model(block)
    if isinstance(block, blocks.RichTextBlock):
        yield from media_in_rich_text(getattr(value, "source", value))
    elif model is not None:
        if _pk(value) is not None:
            yield model, _pk(value)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from media_in_block_value(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from media_in_block_value(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from media_in_block_value(child_block, value.get(name))


def is_rich_text(form_field):
    # Imported here: the admin's rich text widgets cannot be imported while models load.
    from wagtail.admin.rich_text import DraftailRichTextArea

    return isinstance(form_field.widget, DraftailRichTextArea)


def media_in_field(form_field, value):
    """(model, id) chosen in one form field's cleaned value."""
    if isinstance(form_field, BlockField):
        yield from media_in_block_value(form_field.block, value)
    elif isinstance(form_field, forms.ModelChoiceField):
        model = form_field.queryset.model
        if model not in media_models() or value is None:
            return
        if isinstance(form_field, forms.ModelMultipleChoiceField):
            for item in value.all() if hasattr(value, "all") else value:
                yield model, _pk(item)
        else:
            yield model, _pk(value)
    elif is_rich_text(form_field):
        yield from media_in_rich_text(value)


def choosable_ids(user, model, ids):
    policy = policy_registry.get_by_type(model)
    return set(
        policy.instances_user_has_any_permission_for(user, ["choose"])
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )


class MediaChoiceMixin:
    """Refuses newly chosen images and documents the user has no "choose" permission for.

    Media that the saved object already used stay allowed: a moderator may have put another
    collection's photo on a partner's page, and the partner must still be able to save it
    unchanged (or move it to another field or block of the same object).
    """

    def _media_already_used(self):
        """Media of the version the form was loaded from (for pages the latest revision, which
        the form's instance still is while it is cleaned) and of the stored row (the live page)."""
        versions = [self.instance]
        if self.instance.pk is not None:
            saved = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            if saved is not None:
                versions.append(saved)
        used = set()
        for version in versions:
            for name, form_field in self.fields.items():
                if isinstance(form_field, BlockField | forms.ModelChoiceField) or is_rich_text(
                    form_field
                ):
                    try:
                        value = getattr(version, name)
                    except (AttributeError, ValueError):
                        continue
                    if is_rich_text(form_field) and not isinstance(value, str):
                        continue
                    used.update(media_in_field(form_field, value))
        return used

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or (user.is_active and user.is_superuser):
            return cleaned_data
        chosen = {}  # field name -> set of (model, id)
        for name, form_field in self.fields.items():
            if name in cleaned_data:
                found = set(media_in_field(form_field, cleaned_data[name]))
                if found:
                    chosen[name] = found
        if not chosen:
            return cleaned_data
        already_used = self._media_already_used()
        new = {name: found - already_used for name, found in chosen.items()}
        for name, found in new.items():
            refused = set()
            for model in media_models():
                ids = {pk for found_model, pk in found if found_model is model}
                if ids:
                    refused |= ids - choosable_ids(user, model, ids)
            if refused:
                message = _(
                    "You may not use this image or document: it is in a collection you "
                    "cannot choose from. Please choose another one."
                )
                if isinstance(self.fields[name], BlockField):
                    error = blocks.StreamBlockValidationError(non_block_errors=[message])
                    self.add_error(name, error)
                else:
                    self.add_error(name, message)
        return cleaned_data


class SameLanguageChoicesMixin:
    """Pick lists of translatable things (topics, co-organisers, fields of action, …) offer the
    entries in the page's language only, so each shows once and not beside its translation.
    What is already chosen stays offered, so an older choice never makes the form invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not issubclass(queryset.model, TranslatableMixin):
                continue
            chosen = self._chosen_ids(name)
            field.queryset = queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))

    def _chosen_ids(self, name):
        if self.instance.pk is None:
            return []
        value = getattr(self.instance, name, None)
        if hasattr(value, "all"):  # many-to-many (modelcluster's in-memory relations included)
            return [chosen.pk for chosen in value.all()]
        return [value.pk] if getattr(value, "pk", None) else []


class BasePageForm(
    SameLanguageChoicesMixin, SingleLineFieldsMixin, MediaChoiceMixin, WagtailAdminPageForm
):
    """The form of every K3 page type (core.models.BasePage.base_form_class)."""


class BaseSnippetForm(SingleLineFieldsMixin, MediaChoiceMixin, WagtailAdminModelForm):
    """The form of the project's snippets (their base_form_class)."""
