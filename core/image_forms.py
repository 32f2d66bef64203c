"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): single, multiple and replace-file uploads."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .exif import UnreadableImage, strip_file_in_place
from .forms import KeepReplacedFileUntilCommitMixin, SingleLineFieldsMixin


class K3ImageForm(KeepReplacedFileUntilCommitMixin, SingleLineFieldsMixin, BaseImageForm):
    """Strips location and device data from the file and refuses damaged images.

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
