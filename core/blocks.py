"""StreamField blocks shared by every page body."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue

# A restrained rich-text feature set: what the design supports and screen readers handle well.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("level"),
        help_text=_("Level 2 for sections, level 3 for sub-sections."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"


class ImageTextSegmentsMixin:
    """For a StructBlock of `image`, `alt_text` and `caption`: the translator gets the alt text
    and caption the page shows, also where they are the image's own (German) ones because the
    editor left the fields empty. wagtail-localize asks these two methods (segments/extract.py,
    ingest.py) instead of walking the struct, where empty fields would give no segment."""

    def get_translatable_segments(self, value):
        image = value["image"]
        segments = [OverridableSegmentValue("image", image.pk)] if image else []
        alt_text = value["alt_text"] or (image.default_alt_text if image else "")
        caption = value["caption"] or (image.caption if image else "")
        segments += [
            StringSegmentValue(name, text)
            for name, text in (("alt_text", alt_text), ("caption", caption))
            if text
        ]
        return segments

    def restore_translated_segments(self, value, segments):
        for segment in segments:
            if segment.path == "image":
                value["image"] = self.child_blocks["image"].to_python(segment.data)
            elif segment.path in ("alt_text", "caption"):
                value[segment.path] = segment.render_text()
        return value


class FigureBlock(ImageTextSegmentsMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the image's own alt text."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        required=False,
        max_length=200,
        help_text=_("Who said it, with their role, e.g. 'Lorenz Deutsch, Kulturrat NRW'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("text"), max_length=200, help_text=_("What the reader is invited to do.")
    )
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/streamfield/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose either a page or an external address."))
                }
            )
        return value


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "components/streamfield/blocks/downloads_block.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    items = blocks.ListBlock(FaqItemBlock(), label=_("questions"))

    class Meta:
        icon = "help"
        label = _("FAQ / accordion")
        template = "components/streamfield/blocks/faq_block.html"


YOUTUBE = re.compile(r"^https://(?:www\.)?(?:youtube\.com/watch\?v=|youtu\.be/)([\w-]{6,20})")
VIMEO = re.compile(r"^https://(?:www\.)?vimeo\.com/(\d{4,12})")


def privacy_embed_url(url):
    """The no-cookie embed address for a YouTube or Vimeo link, or None."""
    if match := YOUTUBE.match(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{match.group(1)}"
    if match := VIMEO.match(url or ""):
        return f"https://player.vimeo.com/video/{match.group(1)}?dnt=1"
    return None


class VideoStructValue(blocks.StructValue):
    def embed_url(self):
        return privacy_embed_url(self.get("url"))

    def provider(self):
        return "Vimeo" if "vimeo" in (self.get("url") or "") else "YouTube"


class TwoClickVideoBlock(blocks.StructBlock):
    """A video that loads nothing from the video host until the reader asks for it."""

    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_("A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(
        label=_("title"), max_length=200, help_text=_("What the video is about.")
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript or summary"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("For people who cannot watch or hear the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video (loads after a click)")
        template = "components/streamfield/blocks/video_block.html"
        value_class = VideoStructValue

    def clean(self, value):
        value = super().clean(value)
        if privacy_embed_url(value.get("url")) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Only YouTube and Vimeo addresses can be embedded."))
                }
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="components/streamfield/blocks/paragraph_block.html",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    downloads = DownloadsBlock()
    faq = FaqBlock()
    video = TwoClickVideoBlock()
