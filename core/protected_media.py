"""Files that must not be reachable by their address alone: originals, documents, press kits.

The proxy serves only renditions from MEDIA_ROOT (deploy/nginx/k3cms.conf); everything else is
handed out by a Django view that has checked visibility first. Two parts:

- Non-guessable stored names: every upload is stored under a random 128-bit directory, so
  knowing a title or a file name never gives the address of a file.
- A sendfile backend for `wagtail.utils.sendfile` (setting SENDFILE_BACKEND, used by Wagtail's
  document view and by the press downloads): with K3_MEDIA_ACCEL_REDIRECT set (the proxy's
  `internal` location, e.g. "/protected-media/") the view answers with an X-Accel-Redirect
  header and nginx sends the bytes; without it, Django streams the file itself.
"""

import os
import secrets
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii
from wagtail.utils import sendfile_streaming_backend

# FileField's default max_length is 100; stay below it like Wagtail does.
MAX_NAME_LENGTH = 95


def random_token():
    return secrets.token_hex(16)


def tokenised_name(folder, filename, keep_name=False):
    """`folder/<32 hex>/<name>`: the name slugified to ASCII (or, with keep_name, only
    made safe: renditions carry their filter spec in dotted form)."""
    basename = os.path.basename(filename)
    stem, extension = os.path.splitext(basename)
    extension = "".join(c for c in extension.lower() if c.isascii() and (c.isalnum() or c == "."))
    if keep_name:
        stem = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in stem)
    else:
        stem = slugify(string_to_ascii(stem))
    prefix = f"{folder}/{random_token()}/"
    room = MAX_NAME_LENGTH - len(prefix) - len(extension)
    return prefix + (stem[:room] or "file") + extension


def document_upload_to(instance, filename):
    return instance.get_upload_to(filename)


def sendfile(request, filename, **kwargs):
    """Backend for wagtail.utils.sendfile: X-Accel-Redirect for files below MEDIA_ROOT when the
    proxy's internal location is configured, a streamed FileResponse otherwise."""
    internal_prefix = getattr(settings, "K3_MEDIA_ACCEL_REDIRECT", "")
    media_root = os.path.realpath(settings.MEDIA_ROOT)
    path = os.path.realpath(filename)
    if not internal_prefix or os.path.commonpath([media_root, path]) != media_root:
        return sendfile_streaming_backend.sendfile(request, filename, **kwargs)
    relative = os.path.relpath(path, media_root).replace(os.sep, "/")
    response = HttpResponse()
    response["X-Accel-Redirect"] = internal_prefix.rstrip("/") + "/" + quote(relative)
    return response
