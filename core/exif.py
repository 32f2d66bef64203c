"""Removing location and device data from uploaded photos before they are stored.

Cameras and phones write where a photo was taken (the GPS block), the serial numbers of body and
lens, the owner's name and opaque maker notes into the file. Wagtail keeps the original as uploaded
and Willow copies the EXIF block into every JPEG and WebP rendition, so the press kit and every
page would hand them out. Credit and licence are fields of core.K3Image, not EXIF, so nothing we
need is lost.

The picture itself is kept as it is: pixels are not rotated and the Orientation tag stays, so the
photo is shown upright as before (Wagtail turns renditions upright from the same tag). JPEGs are
re-encoded with their own quantisation tables (`quality="keep"`), which changes nothing visible.
"""

import io

from PIL import Image

# The only EXIF tags kept (IFD0): how to turn the picture upright and its print resolution.
ORIENTATION = 0x0112
KEPT_TAGS = (ORIENTATION, 0x011A, 0x011B, 0x0128)  # Orientation, X/YResolution, ResolutionUnit
# Metadata blocks Pillow reads besides EXIF that can carry the same data (XMP has GPS and serial
# numbers, IPTC/Photoshop blocks names and places, comments anything).
OTHER_METADATA = ("xmp", "XML:com.adobe.xmp", "photoshop", "comment", "iptc")
WEBP_QUALITY = 90
JPEG_FALLBACK_QUALITY = 95


class UnreadableImage(ValueError):
    """The file claims to be an image but its picture data cannot be decoded."""


def _kept_exif(image):
    exif = image.getexif()
    kept = Image.Exif()
    for tag in KEPT_TAGS:
        if tag in exif:
            kept[tag] = exif[tag]
    return exif, kept


def _needs_stripping(image, exif, kept):
    if set(exif.keys()) - set(kept.keys()):
        return True
    if any(key in image.info for key in OTHER_METADATA):
        return True
    # PNG text chunks (tEXt, iTXt, zTXt) land in image.text / image.info as free text.
    return bool(getattr(image, "text", None))


def strip_metadata(data):
    """`data` (bytes of an image) without location and device metadata, or None if it had none.

    Raises UnreadableImage if the picture data is damaged (truncated, corrupt).
    """
    try:
        image = Image.open(io.BytesIO(data))
        image.load()  # decodes everything: a truncated or corrupt file fails here
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise UnreadableImage(str(error)) from error
    if getattr(image, "n_frames", 1) > 1:
        # Animations (GIF, WebP) are left alone: re-encoding every frame would change them,
        # and GIF has no EXIF.
        return None
    image_format = image.format
    exif, kept = _kept_exif(image)
    if not _needs_stripping(image, exif, kept):
        return None

    output = io.BytesIO()
    options = {"exif": kept.tobytes()}
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        options["icc_profile"] = icc_profile  # colours, not personal data
    if image_format in ("JPEG", "MPO"):
        options.update(progressive=bool(image.info.get("progressive")), optimize=False)
        try:
            image.save(output, "JPEG", quality="keep", subsampling="keep", **options)
        except ValueError:  # not a plain JPEG (e.g. MPO): no tables to keep
            output = io.BytesIO()
            image.save(output, "JPEG", quality=JPEG_FALLBACK_QUALITY, **options)
    elif image_format == "PNG":
        image.save(output, "PNG", **options)
    elif image_format == "WEBP":
        image.save(output, "WEBP", quality=WEBP_QUALITY, **options)
    else:
        return None
    return output.getvalue()


def strip_file_in_place(uploaded):
    """Strip the metadata of an uploaded file object, rewriting its content in place.

    In place, because Wagtail's multiple uploader stores the request's own file object (not the
    form's cleaned value) when the form needs more details, and Django moves a large upload's
    temporary file into storage rather than reading the object. Returns True if it changed.
    """
    uploaded.seek(0)
    stripped = strip_metadata(uploaded.read())
    uploaded.seek(0)
    if stripped is None:
        return False
    target = uploaded.file
    target.seek(0)
    target.truncate()
    target.write(stripped)
    if hasattr(target, "flush"):
        target.flush()
    target.seek(0)
    uploaded.size = len(stripped)
    return True
