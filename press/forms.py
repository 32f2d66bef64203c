"""The document upload form: Wagtail checks the extension, this also checks the content.

Set as WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and the multiple uploader both use it. A file
whose bytes do not match its extension (an HTML page or a program renamed to .pdf) is refused
with a message saying what it looks like, before it reaches storage or a reader's browser.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from core.forms import KeepReplacedFileUntilCommitMixin, SingleLineFieldsMixin

SNIFF_BYTES = 64 * 1024
ZIP_CONTAINER = (b"PK\x03\x04",)
# What a file of each allowed extension must start with.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP_CONTAINER,
    "xlsx": ZIP_CONTAINER,
    "pptx": ZIP_CONTAINER,
    "odt": ZIP_CONTAINER,
    "ods": ZIP_CONTAINER,
    "odp": ZIP_CONTAINER,
}
TEXT_EXTENSIONS = {"txt", "csv"}
EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows
    b"\x7fELF",  # Linux
    b"\xcf\xfa\xed\xfe",  # macOS
    b"\xca\xfe\xba\xbe",
    b"#!",  # scripts
)
MARKUP_MARKERS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")


def describe_content(head):
    """A reader-friendly name for what these first bytes are, or None if nothing special."""
    if head.startswith(EXECUTABLE_SIGNATURES):
        return _("a program")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(MARKUP_MARKERS) or b"<script" in head.lower():
        return _("a web page or markup (HTML, SVG, XML)")
    return None


def check_document_content(uploaded):
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    looks_like = describe_content(head)
    if (
        looks_like is None
        and extension in SIGNATURES
        and not head.startswith(SIGNATURES[extension])
    ):
        looks_like = _("something else")
    if looks_like is None and extension in TEXT_EXTENSIONS:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character may be cut at the end of the sniffed part.
            if error.start < len(head) - 4:
                looks_like = _("binary data")
        if b"\x00" in head:
            looks_like = _("binary data")
    if looks_like is not None:
        raise ValidationError(
            _(
                "This file is named .%(extension)s but its content is %(content)s. "
                "Please upload a real %(upper)s file."
            ),
            code="content_mismatch",
            params={"extension": extension, "content": looks_like, "upper": extension.upper()},
        )


class CheckedDocumentForm(
    KeepReplacedFileUntilCommitMixin, SingleLineFieldsMixin, BaseDocumentForm
):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_document_content(uploaded)
        return uploaded

    def _post_clean(self):
        # With the file refused, the model's own extension check would see no file and add a
        # second, confusing message ("extension '' is not allowed").
        if self.has_error("file"):
            return
        super()._post_clean()
