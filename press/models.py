import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index
from wagtail.utils.sendfile import sendfile

from core.blocks import BaseStreamBlock
from core.feeds import FEED_FORMATS, feed_links
from core.models import BasePage
from core.structured_data import network_reference, news_article
from core.visibility import held_back_translation_keys, visible_to_public

from .blocks import PressContactsBlock, PressDocumentsBlock, PressPhotosBlock
from .kits import KitUnavailable, PressKit, is_publicly_downloadable, publicly_downloadable

logger = logging.getLogger(__name__)
# The media collection of press photos and documents (editorial.groups gives the press team its rights).
PRESS_COLLECTION = "Presse"
KIT_UNAVAILABLE_TEMPLATE = "pages/press_kit_unavailable.html"

# Prepared photo sizes: (Wagtail filter spec, label). Renditions are stored once and reused.
PHOTO_SIZES = {
    "web": ("max-1600x1600|format-jpeg|jpegquality-85", _("Web (1600 px)")),
    "print": ("max-3000x3000|format-jpeg|jpegquality-92", _("Print (3000 px)")),
    "original": ("original|format-jpeg|jpegquality-95", _("Original size")),
}
PREVIEW_SPEC = "max-800x600|format-jpeg"


def kit_filename(slug):
    # Translators: part of a file name, lower case without spaces.
    return "k3-" + gettext("press-kit") + f"-{slug}.zip"


def photo_download_response(request, image, size):
    """A photo as a JPEG attachment; renditions are made once, stored and then reused.

    Handed over with wagtail.utils.sendfile (X-Accel-Redirect behind nginx, see
    core.protected_media): the proxy itself never serves originals.
    """
    if size == "original" and image.file.name.lower().endswith((".jpg", ".jpeg")):
        source, width, height = image.file, image.width, image.height
    else:
        rendition = image.get_rendition(PHOTO_SIZES[size][0])
        source, width, height = rendition.file, rendition.width, rendition.height
    filename = f"k3-{slugify(image.title) or image.pk}-{size}-{max(width, height)}px.jpg"
    return sendfile(
        request,
        source.path,
        attachment=True,
        attachment_filename=filename,
        mimetype="image/jpeg",
    )


@dataclass
class PressPhoto:
    image: object
    caption: str
    alt_text: str
    alt_lang: str
    is_network_diagram: bool
    downloads: list


class PressMediaMixin(RoutablePageMixin):
    """Routes both press pages share: photo downloads and the press kit, each only for media
    the page lists (so an unpublished or embargoed page exposes nothing)."""

    @path("", name="index")
    def index_route(self, request):
        return self.render(request)

    @path("press-kit/", name="press_kit")
    def press_kit_download(self, request):
        try:
            return self.press_kit.response(request)
        except KitUnavailable:
            # An operator's fault (a media file gone, a full disk), not the reader's: say so
            # and let them come back, rather than a 500 or a broken archive.
            logger.exception("Press kit of page %s could not be built", self.pk)
            response = render(request, KIT_UNAVAILABLE_TEMPLATE, {"page": self}, status=503)
            response["Retry-After"] = "600"
            return response

    @path("photos/<int:image_id>/<slug:size>/", name="photo_download")
    def photo_download(self, request, image_id, size):
        image = next((image for image in self.photo_images if image.pk == image_id), None)
        if image is None or size not in PHOTO_SIZES or not is_publicly_downloadable(image):
            raise Http404
        return photo_download_response(request, image, size)

    def press_photo(self, request, image, caption="", alt_text="", is_network_diagram=False):
        base_url = self.get_url(request)
        in_german = get_language() == settings.LANGUAGE_CODE
        return PressPhoto(
            image=image,
            caption=caption or (image.caption if in_german else ""),
            # The image's own alt text is German; mark it so when the page has none of its own.
            alt_text=alt_text or image.default_alt_text,
            alt_lang="" if alt_text or in_german else settings.LANGUAGE_CODE,
            is_network_diagram=is_network_diagram,
            downloads=[
                {
                    "size": size,
                    "label": label,
                    "url": base_url + self.reverse_subpage("photo_download", args=(image.pk, size)),
                }
                for size, (_spec, label) in PHOTO_SIZES.items()
            ],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["press_kit_url"] = self.get_url(request) + self.reverse_subpage("press_kit")
        return context


class PressRoomPage(PressMediaMixin, BasePage):
    """The press room of one language: releases newest first, contacts and the press kit."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What journalists find here, in one or two sentences."),
    )
    press_contacts = StreamField(PressContactsBlock(), blank=True, verbose_name=_("press contacts"))
    network_diagram = models.ForeignKey(
        "core.K3Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("network diagram"),
        help_text=_(
            "A diagram of the network. The list of partners and roles below it is generated "
            "from the partner pages, so the diagram has a full text alternative."
        ),
    )
    network_diagram_caption = models.CharField(_("diagram caption"), max_length=500, blank=True)
    network_diagram_alt_text = models.CharField(
        _("diagram alt text"),
        max_length=255,
        blank=True,
        help_text=_("A short description; the partner list gives the details."),
    )

    template = "pages/press_room_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count_per_parent = 1

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("press_contacts"),
        MultiFieldPanel(
            [
                FieldPanel("network_diagram"),
                FieldPanel("network_diagram_caption"),
                FieldPanel("network_diagram_alt_text"),
            ],
            heading=_("Network diagram"),
        ),
    ]

    class Meta:
        verbose_name = _("press room")

    @cached_property
    def releases(self):
        return PressReleasePage.objects.public().child_of(self).order_by("-date", "-pk")

    @cached_property
    def press_kit(self):
        """All photos and documents of the published releases, and the network diagram."""
        image_ids = [self.network_diagram_id] if self.network_diagram_id else []
        document_ids = []
        for release in self.releases:
            image_ids += release.image_ids
            document_ids += release.document_ids
        images = get_image_model().objects.in_bulk(image_ids)
        documents = get_document_model().objects.in_bulk(document_ids)
        photos = publicly_downloadable([images[pk] for pk in image_ids if pk in images])
        documents = publicly_downloadable([documents[pk] for pk in document_ids if pk in documents])
        return PressKit(kit_filename(self.slug), photos, documents)

    @property
    def photo_images(self):
        return [self.network_diagram] if self.network_diagram else []

    def get_cached_paths(self):
        """What a change purges besides the page (core.page_cache): its feeds."""
        return ["/", *(f"feed/{name}/" for name in FEED_FORMATS)]

    @path("feed/<str:feed_format>/", name="feed")
    def feed(self, request, feed_format):
        from .feeds import PressReleaseFeed

        if feed_format not in FEED_FORMATS:
            raise Http404
        return PressReleaseFeed(FEED_FORMATS[feed_format])(request, page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feeds"] = feed_links(f"{self.get_url(request)}feed/", self.title)
        if self.network_diagram:
            context["diagram"] = self.press_photo(
                request,
                self.network_diagram,
                caption=self.network_diagram_caption,
                alt_text=self.network_diagram_alt_text,
                is_network_diagram=True,
            )
        return context


class PressReleaseQuerySet(PageQuerySet):
    def public(self):
        """The releases visible to the public (core.visibility): live, not restricted, and not
        a translation of one still under embargo (go-live dates are not synchronised between
        languages, so a translation must wait for its source)."""
        return visible_to_public(self)

    def held_back(self):
        return self.filter(translation_key__in=held_back_translation_keys())

    def in_preparation(self):
        """Releases with a language version not yet published as it stands: drafts, changes
        not published yet, and versions scheduled to go live (under embargo)."""
        keys = self.filter(Q(live=False) | Q(has_unpublished_changes=True)).values(
            "translation_key"
        )
        return self.filter(translation_key__in=keys)

    def embargoed_document_ids(self):
        """Documents of releases under embargo that no public release offers already."""
        held_back = list(self.held_back())
        if not held_back:
            return set()
        ids = {pk for release in held_back for pk in release.document_ids}
        return ids - {pk for release in self.model.objects.public() for pk in release.document_ids}


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)


class PressReleasePage(PressMediaMixin, BasePage):
    """A press release. A go-live date (Status panel, "Set schedule") puts it under embargo."""

    date = models.DateField(
        _("release date"),
        default=timezone.localdate,
        help_text=_("The date printed on the release."),
    )
    place = models.CharField(
        _("place"), max_length=100, default="Dortmund", help_text=_("E.g. 'Dortmund'.")
    )
    lead = models.TextField(
        _("lead"), help_text=_("The first paragraph: who, what, when, where, in short.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    pdf_version = models.ForeignKey(
        "core.K3Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF version"),
        help_text=_("The release as a PDF, for print and archives."),
    )
    photos = StreamField(
        PressPhotosBlock(),
        blank=True,
        verbose_name=_("press photos"),
        help_text=_("Each photo is offered for download with its credit and licence."),
    )
    documents = StreamField(
        PressDocumentsBlock(),
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Further press material, e.g. releases of partners or fact sheets."),
    )
    contacts = StreamField(PressContactsBlock(), blank=True, verbose_name=_("press contact"))

    objects = PressReleaseManager()

    template = "pages/press_release_page.html"
    open_graph_type = "article"
    parent_page_types = ["press.PressRoomPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *BasePage.content_panels,
        HelpPanel(
            content=_(
                "Embargo: open the Status panel (the icon at the top right), choose “Set "
                "schedule”, enter the go-live date and publish; the release, its photos, "
                "documents and press kit stay unreachable until then."
            )
        ),
        FieldRowPanel([FieldPanel("date"), FieldPanel("place")]),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("pdf_version"),
        FieldPanel("photos"),
        FieldPanel("documents"),
        FieldPanel("contacts"),
    ]

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    # --- media -----------------------------------------------------------------------------

    @cached_property
    def photo_images(self):
        return [block.value["image"] for block in self.photos if block.value["image"]]

    @property
    def document_ids(self):
        """The PDF version first, then the listed documents (from the raw data: no queries)."""
        ids = [self.pdf_version_id] if self.pdf_version_id else []
        return ids + [block["value"] for block in self.documents.raw_data if block["value"]]

    @property
    def image_ids(self):
        return [
            block["value"]["image"] for block in self.photos.raw_data if block["value"]["image"]
        ]

    @cached_property
    def all_documents(self):
        documents = [self.pdf_version] if self.pdf_version else []
        documents += [block.value for block in self.documents if block.value]
        return publicly_downloadable(documents)

    def photo_items(self, request):
        """The photos with their previews prefetched in one query, and their download links."""
        images = (
            get_image_model()
            .objects.filter(pk__in=[image.pk for image in self.photo_images])
            .prefetch_renditions(PREVIEW_SPEC)
            .in_bulk()
        )
        return [
            self.press_photo(
                request,
                images[block.value["image"].pk],
                caption=block.value["caption"],
                alt_text=block.value["alt_text"],
                is_network_diagram=block.block_type == "network_diagram",
            )
            for block in self.photos
            if block.value["image"] and block.value["image"].pk in images
        ]

    @cached_property
    def press_kit(self):
        photos = publicly_downloadable(self.photo_images)
        return PressKit(kit_filename(self.slug), photos, self.all_documents)

    def structured_data(self, request):
        """A NewsArticle by the network, pictured by its listing image or first press photo."""
        image, caption = self.listing_image, ""
        if image is None:
            photo = next(
                (
                    block.value
                    for block in self.photos
                    if block.block_type == "photo" and block.value["image"]
                ),
                None,
            )
            if photo is not None and is_publicly_downloadable(photo["image"]):
                image, caption = photo["image"], photo["caption"]
        return [
            news_article(
                request,
                self,
                published=self.date,
                author=network_reference(request, self.locale.language_code),
                image=image,
                image_caption=caption,
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photo_items"] = self.photo_items(request)
        return context
