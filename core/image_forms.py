"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): single, multiple and replace-file uploads."""

import os

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm
from wagtail.models import UploadedFile as PendingUpload

from .exif import UnreadableImage, strip_file_in_place
from .forms import KeepReplacedFileUntilCommitMixin, SingleLineFieldsMixin

KEPT_UPLOAD_FIELD = "kept_upload"
KEPT_UPLOAD_SALT = "core.image_forms.kept_upload"


class KeepUploadAfterErrorsMixin:
    """A new image whose form comes back with errors (no alt text, no credit…) keeps its file,
    so the editor corrects the fields without choosing the file again.

    The file waits where Wagtail's multiple uploader keeps files that still need their details
    (wagtail.models.UploadedFile), named by a signed id in a hidden field; the next submission
    without a new file uses it, and the saved image takes it out of there.
    """

    def __init__(self, *args, **kwargs):
        self.uploading_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.kept_upload = None
        self.uses_kept_upload = False
        if "file" not in self.fields or not self.instance._state.adding:
            return
        self.fields[KEPT_UPLOAD_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        if self.is_bound:
            self.kept_upload = self._pending_upload(
                self.data.get(self.add_prefix(KEPT_UPLOAD_FIELD))
            )
            if self.kept_upload is not None and not self.files.get(self.add_prefix("file")):
                self.files = self.files.copy()
                self.files[self.add_prefix("file")] = self._reopened(self.kept_upload)
                self.uses_kept_upload = True

    def _pending_upload(self, token):
        if not token or self.uploading_user is None:
            return None
        try:
            pk = signing.loads(token, salt=KEPT_UPLOAD_SALT)
        except signing.BadSignature:
            return None
        return PendingUpload.objects.filter(
            pk=pk, uploaded_by_user_id=self.uploading_user.pk
        ).first()

    @staticmethod
    def _reopened(pending):
        """The kept file as a fresh upload: every check and the metadata stripping run again."""
        with pending.file.open("rb") as stored:
            content = stored.read()
        return SimpleUploadedFile(os.path.basename(pending.file.name), content)

    def full_clean(self):
        super().full_clean()
        if KEPT_UPLOAD_FIELD not in self.fields or not self.is_bound or not self.errors:
            return
        if self.add_prefix(KEPT_UPLOAD_FIELD) not in self.data:
            # Not a form the editor sent (with its hidden field, if empty), but one built in
            # code: the multiple uploader's check, which keeps the file its own way.
            return
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return  # no file, or the file itself is what is wrong
        if not self.uses_kept_upload:  # a new file: it replaces one kept before
            self._forget_kept_upload()
            uploaded.seek(0)
            self.kept_upload = PendingUpload.objects.create(
                file=uploaded,
                for_content_type=ContentType.objects.get_for_model(self._meta.model),
                uploaded_by_user=self.uploading_user,
            )
        self.data = self.data.copy()
        self.data[self.add_prefix(KEPT_UPLOAD_FIELD)] = signing.dumps(
            self.kept_upload.pk, salt=KEPT_UPLOAD_SALT
        )
        # Not required any more, so that the browser lets the form go without a new file.
        self.fields["file"].required = False
        kept_note = gettext(
            "File kept: %(name)s. Choose another file only if you want to replace it."
        ) % {"name": os.path.basename(self.kept_upload.file.name)}
        # The bound field, made during validation, holds its own copy of the help text.
        self.fields["file"].help_text = self["file"].help_text = kept_note

    def _forget_kept_upload(self):
        pending, self.kept_upload = self.kept_upload, None
        if pending is not None:
            name, storage = pending.file.name, pending.file.storage
            pending.delete()
            transaction.on_commit(lambda: storage.delete(name))

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            self._forget_kept_upload()
        return instance


class K3ImageForm(
    KeepUploadAfterErrorsMixin,
    KeepReplacedFileUntilCommitMixin,
    SingleLineFieldsMixin,
    BaseImageForm,
):
    """Strips location and device data from the file and refuses damaged images; keeps a new
    image's file when the form comes back with errors.

    The file is rewritten in place: Wagtail's multiple uploader stores the request's own file
    object when the image still needs its alt text and credit.
    """

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            try:
                strip_file_in_place(uploaded)
            except UnreadableImage as error:
                raise ValidationError(
                    _("This image file is damaged or incomplete and cannot be read."),
                    code="unreadable_image",
                ) from error
        return uploaded
