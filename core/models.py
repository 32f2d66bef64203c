from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import locales, translation, visibility
from .forms import BasePageForm
from .images import strip_unsaved_image_file
from .licences import LICENCE_URLS, DocumentLanguage, Licence
from .protected_media import document_upload_to, tokenised_name
from .uploads import DeleteFileIfSaveFailsMixin


class K3Image(DeleteFileIfSaveFailsMixin, AbstractImage):
    """An image that always carries alt text, a credit and a licence."""

    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it, in German. "
            "Pages can override it (and its English version) where the image is used."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        help_text=_(
            "Photographer or rights holder as it must be printed, e.g. 'Foto: Jana Beispiel'."
        ),
    )
    licence = models.CharField(
        _("licence"),
        max_length=32,
        choices=Licence.choices,
        default=Licence.EDITORIAL_WITH_CREDIT,
        help_text=_("Under which terms others may use this image."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Optional default caption in German; pages can give their own."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence", "caption")

    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def save(self, *args, **kwargs):
        # Every way an image gets here (admin forms, the demo loader, scripts) stores it without
        # location and device data; the admin forms have stripped it already (core.forms).
        strip_unsaved_image_file(self)
        return super().save(*args, **kwargs)

    @property
    def default_alt_text(self):
        return self.description

    def get_upload_to(self, filename):
        """original_images/<random token>/<name>: originals are served only through views that
        check visibility, and their address cannot be guessed (core.protected_media)."""
        return tokenised_name("original_images", filename)

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")


class K3Rendition(AbstractRendition):
    image = models.ForeignKey(K3Image, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        """images/<random token>/<name>: renditions of an image under embargo (made by an
        editor's preview) cannot be guessed from the image's name either."""
        return tokenised_name("images", filename, keep_name=True)


class K3Document(DeleteFileIfSaveFailsMixin, AbstractDocument):
    """A downloadable document with the language it is written in and its licence."""

    language = models.CharField(
        _("language"),
        max_length=3,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.GERMAN,
        help_text=_("The language the document is written in."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=32,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
    )

    # A callable, so that documents get a random directory too (get_upload_to).
    file = models.FileField(upload_to=document_upload_to, verbose_name=_("file"))

    admin_form_fields = (*Document.admin_form_fields, "language", "licence")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def get_upload_to(self, filename):
        """documents/<random token>/<name>: served only through Wagtail's document view."""
        return tokenised_name("documents", filename)


def lead_image_field():
    """The optional image a page shows at its top and on its cards, with its credit (news and
    events share it; the image model's alt text and credit rules apply)."""
    return models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Shown at the top and in lists, with its credit. Optional."),
    )


class ListingFieldsMixin(models.Model):
    """What a page shows of itself in listings and teasers."""

    listing_image = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown where this page is listed or teased. Optional."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=300,
        help_text=_(
            "One or two sentences shown in listings. Falls back to the search description."
        ),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listings"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.listing_summary or self.search_description


class TranslationStateMixin:
    """Lets templates ask a page whether it is untranslated (rule: core.translation), and keeps an
    unpublished translation showing its source's live text."""

    @cached_property
    def untranslated_source(self):
        return translation.untranslated_source(self)

    @property
    def content_language(self):
        return translation.content_language(self)

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        # wagtail-localize has just written the translator's draft into the live page.
        translation.show_source_text(self)
        return revision

    def update_aliases(self, *args, **kwargs):
        """Called by Wagtail after this page is published: its unpublished translations follow
        it as its aliases do."""
        super().update_aliases(*args, **kwargs)
        for unpublished in translation.unpublished_translations_of(self):
            translation.show_source_text(unpublished)


class BasePage(TranslationStateMixin, ListingFieldsMixin, Page):
    """Every K3 page type inherits from this."""

    base_form_class = BasePageForm  # no line breaks in one-line fields; only choosable media
    # Link previews and titles (core.metadata): articles are news and press releases.
    open_graph_type = "website"
    is_home_page = False
    promote_panels = [*Page.promote_panels, *ListingFieldsMixin.listing_panels]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        # Many tags ask for the page's locale; from the cache, not a query each page.
        locales.attach_locale(self)
        return super().get_context(request, *args, **kwargs)

    def get_view_restrictions(self):
        # Wagtail checks the restrictions of the page and its ancestors on every visit (two
        # queries); where there is none in the whole site (the cached list of core.visibility),
        # there is nothing to check.
        if not visibility.restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def structured_data(self, request):
        """The schema.org objects this page describes, as dicts ({% page_structured_data %}
        renders them as JSON-LD with the breadcrumbs; helpers in core.structured_data)."""
        return []


class PaginatedListingMixin:
    """A page that lists others across `?page=N`: page 1 has one address, the bare one.

    `?page=1` answers with a permanent redirect to the same address without it (other
    parameters kept), so search engines see one URL for the first page.
    """

    def serve(self, request, *args, **kwargs):
        if request.GET.getlist("page") == ["1"]:
            query = request.GET.copy()
            del query["page"]
            target = f"{request.path}?{query.urlencode()}" if query else request.path
            return HttpResponsePermanentRedirect(target)
        return super().serve(request, *args, **kwargs)
