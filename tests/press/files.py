"""Files for upload tests: disguised programs and pages, and a decompression bomb."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

# The start of a Windows program: the "MZ" header with a DOS stub.
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 50
    + (b"This program cannot be run in DOS mode.\r\n$")
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width, height):
    """A real, valid black-and-white PNG of width × height pixels that compresses to very little."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter byte + 1 bit per pixel
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row * 1000) for _ in range(height // 1000)]
    parts.append(compressor.compress(row * (height % 1000)))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )
    return upload("bomb.png", data, "image/png")
