"""Blocks of the press pages. Captions, alt texts and contact roles live in StreamField blocks so
that wagtail-localize translates them (orderables are not reliably synchronised, see PITFALLS)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import ImageTextSegmentsMixin


class PressPhotoBlock(ImageTextSegmentsMixin, blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("image"),
        help_text=_("Credit and licence come from the image; check them in the image library."),
    )
    caption = blocks.CharBlock(
        label=_("caption"),
        max_length=500,
        help_text=_("Who or what is shown, where and when, as journalists may print it."),
    )
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the image's own alt text."),
    )

    class Meta:
        icon = "image"
        label = _("Press photo")
        template = "components/press/photo_block.html"


class NetworkDiagramBlock(PressPhotoBlock):
    """A diagram of the network; its text alternative is the live list of partners and roles."""

    class Meta:
        icon = "site"
        label = _("Network diagram")
        template = "components/press/photo_block.html"


class PressPhotosBlock(blocks.StreamBlock):
    photo = PressPhotoBlock()
    network_diagram = NetworkDiagramBlock()


class PressDocumentsBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(label=_("document"))


class PressContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    role = blocks.CharBlock(
        label=_("role"),
        max_length=200,
        required=False,
        help_text=_("E.g. 'Press officer, Akademie für Theater und Digitalität'."),
    )
    email = blocks.EmailBlock(label=_("email"), required=False)
    phone = blocks.CharBlock(label=_("phone"), max_length=50, required=False)

    class Meta:
        icon = "user"
        label = _("Press contact")
        template = "components/press/contact_block.html"


class PressContactsBlock(blocks.StreamBlock):
    contact = PressContactBlock()
