"""Image files saved outside the admin forms get the same metadata stripping (core.exif)."""

import io

from django.core.files.base import ContentFile
from wagtail.utils.file import hash_filelike

from .exif import UnreadableImage, strip_metadata


def strip_unsaved_image_file(image):
    """Strip the not yet stored file of `image` and correct its size and hash."""
    field_file = image.file
    if not field_file or field_file._committed:
        return
    content = field_file.file
    content.seek(0)
    try:
        stripped = strip_metadata(content.read())
    except UnreadableImage:
        return  # the admin refuses damaged files; code that saves one anyway keeps it as is
    finally:
        content.seek(0)
    if stripped is None:
        return
    field_file.file = ContentFile(stripped, name=field_file.name)
    image.file_size = len(stripped)
    image.file_hash = hash_filelike(io.BytesIO(stripped))
