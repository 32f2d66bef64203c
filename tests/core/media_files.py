"""Photos with camera metadata, and helpers to look into MEDIA_ROOT, for the upload tests."""

import io
import os
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

SERIAL = "SN-4711-0815"
LENS_SERIAL = "LENS-2342"
OWNER = "Jana Beispiel privat"
GPS_IFD, EXIF_IFD = 0x8825, 0x8769
ORIENTATION = 0x0112
BODY_SERIAL, LENS_SERIAL_TAG, OWNER_NAME, MAKER_NOTE = 0xA431, 0xA435, 0xA430, 0x927C
RED, BLUE = (255, 0, 0), (0, 0, 255)


def camera_jpeg_bytes(size=(120, 80)):
    """A JPEG as a phone writes it: stored sideways (left half red, right half blue) with
    Orientation 6 (turn 90° clockwise to view), GPS position and serial numbers."""
    width, height = size
    image = Image.new("RGB", size, RED)
    image.paste(Image.new("RGB", (width // 2, height), BLUE), (width // 2, 0))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Canon"  # Make: harmless, but not kept either
    details = exif.get_ifd(EXIF_IFD)
    details[BODY_SERIAL] = SERIAL
    details[LENS_SERIAL_TAG] = LENS_SERIAL
    details[OWNER_NAME] = OWNER
    details[MAKER_NOTE] = b"maker-secrets"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (51.0, 30.0, 52.0)
    gps[3], gps[4] = "E", (7.0, 27.0, 57.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def camera_jpeg(name="kamera.jpg"):
    return SimpleUploadedFile(name, camera_jpeg_bytes(), content_type="image/jpeg")


def assert_clean(data):
    """No location, no device identifiers, orientation kept or applied."""
    assert SERIAL.encode() not in data and LENS_SERIAL.encode() not in data
    assert OWNER.encode() not in data and b"maker-secrets" not in data
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert GPS_IFD not in exif and not exif.get_ifd(GPS_IFD)
    details = exif.get_ifd(EXIF_IFD)
    for tag in (BODY_SERIAL, LENS_SERIAL_TAG, OWNER_NAME, MAKER_NOTE):
        assert tag not in details
    return image


def assert_upright(image):
    """Shown upright, the sideways photo is red on top and blue at the bottom."""
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image).convert("RGB")
    width, height = upright.size
    assert height > width
    top, bottom = (
        upright.getpixel((width // 2, height // 8)),
        upright.getpixel((width // 2, height * 7 // 8)),
    )
    assert top[0] > 200 and top[2] < 60, top
    assert bottom[2] > 200 and bottom[0] < 60, bottom


def media_files():
    """Every file under MEDIA_ROOT (relative paths), to compare before and after a request."""
    root = Path(settings.MEDIA_ROOT)
    return {
        str(Path(folder, name).relative_to(root))
        for folder, _dirs, names in os.walk(root)
        for name in names
    }
