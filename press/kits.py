"""Press kits: one ZIP of photos, documents and a credits file, written once per content.

The archive is written member by member (never wholly in memory) into a temporary file next to
its final name, MEDIA_ROOT/press-kits/<content hash>.zip, and renamed to it only once complete, so
a crash or a full disk never leaves a truncated kit under the final name. A file found there is
still checked (it opens as a ZIP with exactly the expected members) before it is served, and
rebuilt otherwise. The hash covers every member's file and the credits text, so a changed photo,
credit or document gives a new kit, and an unchanged one is never rebuilt.

A kit that cannot be built (a member's file is missing, the disk is full) raises
KitUnavailable; the view answers 503 "temporarily unavailable" and logs the cause for operators.
"""

import hashlib
import io
import json
import logging
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection
from wagtail.utils.sendfile import sendfile

KIT_DIRECTORY = "press-kits"
COPY_CHUNK = 1024 * 1024
# A fixed timestamp keeps the archive the same for the same content.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
CREDITS_NAME = "CREDITS.txt"
# Every line break Python knows (str.splitlines), with the spaces around it.
LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+\s*")

logger = logging.getLogger(__name__)


class KitUnavailable(Exception):
    """The kit could not be built now (missing member file, full disk, …)."""


def one_line(value):
    """A title, credit or caption on one line: a line break inside would forge a CREDITS entry."""
    return LINE_BREAKS.sub(" ", str(value)).strip()


def is_complete_zip(path, member_names):
    """Whether `path` is a readable ZIP holding exactly these members, in this order."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.namelist() == list(member_names)
    except (OSError, zipfile.BadZipFile, EOFError):
        return False


@dataclass(frozen=True)
class KitMember:
    arcname: str
    open: object  # callable returning a binary file object
    compress: bool = True


def write_zip(members, target):
    """Write the members into `target` (a binary file object), copying in 1 MB chunks.

    Photos (JPEG, PNG) are stored as they are: they do not compress, and storing is fast.
    """
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.arcname, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED if member.compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            with member.open() as source, archive.open(info, "w") as sink:
                shutil.copyfileobj(source, sink, COPY_CHUNK)


def restricted_collection_ids():
    """Collections with a view restriction, and everything below them."""
    ids = set()
    for collection in Collection.objects.filter(view_restrictions__isnull=False).distinct():
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def publicly_downloadable(items):
    """The documents (or images) anyone may download: private collections stay out of
    listings, downloads and kits."""
    restricted = restricted_collection_ids()
    return [item for item in items if item.collection_id not in restricted]


def is_publicly_downloadable(item):
    return bool(publicly_downloadable([item]))


def _unique(items):
    seen = set()
    return [item for item in items if not (item.pk in seen or seen.add(item.pk))]


def _extension(file_name):
    name = file_name.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _opener(field_file):
    name, storage = field_file.name, field_file.storage
    return lambda: storage.open(name, "rb")


class PressKit:
    def __init__(self, download_name, photos, documents):
        self.download_name = download_name
        self.photos = _unique(photos)
        self.documents = _unique(documents)

    def __bool__(self):
        return bool(self.photos or self.documents)

    @cached_property
    def photo_names(self):
        return [
            f"photos/{number:02d}-{slugify(image.title) or image.pk}{_extension(image.file.name)}"
            for number, image in enumerate(self.photos, start=1)
        ]

    @cached_property
    def document_names(self):
        return [
            f"documents/{number:02d}-{slugify(document.title) or document.pk}"
            f"{_extension(document.file.name)}"
            for number, document in enumerate(self.documents, start=1)
        ]

    @property
    def member_names(self):
        return [*self.photo_names, *self.document_names, CREDITS_NAME]

    @cached_property
    def credits_text(self):
        parts = []
        for language in ("de", "en"):
            with translation.override(language):
                parts.append(self._credits_in_current_language())
        return "\n\n".join(parts) + "\n"

    def _credits_in_current_language(self):
        # Labels outside the f-strings: makemessages does not find gettext calls inside them.
        # "licence" is the model field's msgid, so the German block says "Lizenz".
        title, credit, language = _("Title"), _("Credit"), _("Language")
        licence_label = capfirst(_("licence"))
        lines = [
            _("K3 KI.Kunst.Kultur – press kit"),
            "=" * 40,
            "",
            _("Photos: credit and terms of use"),
        ]
        for name, image in zip(self.photo_names, self.photos, strict=True):
            licence = image.get_licence_display()
            if image.licence_url:
                licence = f"{licence} ({image.licence_url})"
            lines += [
                f"- {name}",
                f"  {title}: {one_line(image.title)}",
                f"  {credit}: {one_line(image.credit)}",
                f"  {licence_label}: {one_line(licence)}",
            ]
        if self.documents:
            lines += ["", _("Documents")]
            for name, document in zip(self.document_names, self.documents, strict=True):
                lines += [
                    f"- {name}",
                    f"  {title}: {one_line(document.title)}",
                    f"  {language}: {document.get_language_display()}",
                    f"  {licence_label}: {one_line(document.get_licence_display())}",
                ]
        lines += [
            "",
            _("Please always print the credit next to the photo."),
        ]
        return "\n".join(lines)

    @cached_property
    def digest(self):
        fingerprint = [
            [name, item.file.name, getattr(item, "file_hash", ""), item.file_size]
            for name, item in zip(
                self.photo_names + self.document_names, self.photos + self.documents, strict=True
            )
        ]
        fingerprint.append(self.credits_text)
        return hashlib.sha256(json.dumps(fingerprint).encode()).hexdigest()[:32]

    @property
    def storage_name(self):
        return f"{KIT_DIRECTORY}/{self.digest}.zip"

    def members(self):
        for name, image in zip(self.photo_names, self.photos, strict=True):
            yield KitMember(name, _opener(image.file), compress=False)
        for name, document in zip(self.document_names, self.documents, strict=True):
            yield KitMember(name, _opener(document.file))
        yield KitMember(CREDITS_NAME, lambda: io.BytesIO(self.credits_text.encode()))

    def build(self):
        """Write the kit to storage unless a complete kit of this very content is there.

        Written to a temporary name in the kits directory and renamed over the final name
        (atomic on one file system): readers see the old state or the complete kit, never part.
        """
        final_path = default_storage.path(self.storage_name)
        if is_complete_zip(final_path, self.member_names):
            return
        directory = os.path.dirname(final_path)
        try:
            os.makedirs(directory, exist_ok=True)
            descriptor, temporary_path = tempfile.mkstemp(
                dir=directory, prefix=".building-", suffix=".zip"
            )
        except OSError as error:
            raise KitUnavailable(str(error)) from error
        try:
            with os.fdopen(descriptor, "wb") as temporary:
                write_zip(self.members(), temporary)
                temporary.flush()
                os.fsync(temporary.fileno())
            os.chmod(temporary_path, 0o644)
            os.replace(temporary_path, final_path)
        except OSError as error:
            raise KitUnavailable(str(error)) from error
        finally:
            if os.path.exists(temporary_path):
                os.unlink(temporary_path)

    @cached_property
    def size(self):
        """The kit's size in bytes, or None when it cannot be built now."""
        try:
            self.build()
        except KitUnavailable:
            logger.exception("Press kit %s could not be built", self.storage_name)
            return None
        return default_storage.size(self.storage_name)

    def response(self, request):
        """The kit as an attachment, through wagtail.utils.sendfile (X-Accel-Redirect behind
        nginx, see core.protected_media)."""
        self.build()
        return sendfile(
            request,
            default_storage.path(self.storage_name),
            attachment=True,
            attachment_filename=self.download_name,
            mimetype="application/zip",
        )
