"""deploy/nginx/k3cms.conf with a real nginx in front of Django: /media/ gives renditions only,
originals and documents come through Django's views (X-Accel-Redirect), embargoed ones not at all.

nginx is installed by .ci/run; without it the test is skipped locally and fails under CI=true.
"""

import datetime
import io
import json
import os
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.conf import settings
from django.core import signals
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.utils import timezone
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.factories import first_or_create
from press.demo import minimal_pdf
from press.factories import PressRoomPageFactory
from press.models import PressReleasePage
from tests.core.servers import free_port, installed_binary, start_server, wait_for_port

pytestmark = pytest.mark.django_db

SNIPPET = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "k3cms.conf"
INTERNAL_PREFIX = "/protected-media/"


def substitute(text, old, new):
    assert old in text, f"the snippet no longer contains {old!r}: update this test"
    return text.replace(old, new)


def site_config(upstream_port, listen_port, media_root):
    """The shipped snippet with this machine's ports and MEDIA_ROOT."""
    text = SNIPPET.read_text()
    text = substitute(text, "server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};")
    text = substitute(text, "listen 80;", f"listen 127.0.0.1:{listen_port};")
    return substitute(text, "/srv/k3cms/media/", media_root.rstrip("/") + "/")


def main_config(directory, site_file):
    mime_types = (
        "include /etc/nginx/mime.types;"
        if os.path.exists("/etc/nginx/mime.types")
        else "types { image/jpeg jpg jpeg; image/png png; application/pdf pdf; }"
    )
    temp_paths = "\n".join(
        f"  {kind}_temp_path {directory}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would switch to "nobody", who cannot read the test's MEDIA_ROOT.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes 1;
error_log {directory}/error.log;
events {{ worker_connections 64; }}
http {{
  {mime_types}
  default_type application/octet-stream;
  access_log off;
{temp_paths}
  include {site_file};
}}
"""


@contextmanager
def running_nginx(upstream_port):
    binary = installed_binary("nginx", "nginx")
    listen_port = free_port()
    with tempfile.TemporaryDirectory(prefix="k3cms-nginx-") as directory:
        site_file = os.path.join(directory, "k3cms.conf")
        Path(site_file).write_text(site_config(upstream_port, listen_port, settings.MEDIA_ROOT))
        config = os.path.join(directory, "nginx.conf")
        Path(config).write_text(main_config(directory, site_file))
        command = [binary, "-p", directory, "-e", f"{directory}/error.log", "-c", config]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        process = start_server([*command, "-g", f"daemon off; pid {directory}/nginx.pid;"])
        try:
            wait_for_port(listen_port, timeout=10, process=process)
            yield f"http://127.0.0.1:{listen_port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class DjangoBehindNginx:
    """Django answers in the test's own thread (so it sees the test's uncommitted data) while
    another thread asks nginx."""

    def __init__(self, server, base_url):
        self.server, self.base_url = server, base_url

    def get(self, path):
        result = {}

        def fetch():
            try:
                with urllib.request.urlopen(self.base_url + path, timeout=15) as response:
                    result["answer"] = (response.status, response.headers, response.read())
            except urllib.error.HTTPError as error:
                result["answer"] = (error.code, error.headers, error.read())
            except Exception as error:  # reported below, in the test's thread
                result["error"] = error

        thread = threading.Thread(target=fetch)
        thread.start()
        deadline = time.monotonic() + 20
        while thread.is_alive() and time.monotonic() < deadline:
            self.server.handle_request()
        thread.join(timeout=1)
        if "error" in result:
            raise result["error"]
        return result["answer"]


@pytest.fixture
def behind_nginx(settings):
    settings.K3_MEDIA_ACCEL_REDIRECT = INTERNAL_PREFIX
    server = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=QuietHandler)
    server.timeout = 0.05
    # As Django's test client does: closing "old" connections would end the test transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        with running_nginx(server.server_address[1]) as base_url:
            yield DjangoBehindNginx(server, base_url)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        server.server_close()


def jpeg_image(title):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (20, 120, 200)).save(buffer, format="JPEG")
    image = get_image_model()(title=title, credit="Foto: Test", description="Ein Bild")
    upload = SimpleUploadedFile("bild.jpg", buffer.getvalue(), content_type="image/jpeg")
    image.file.save("bild.jpg", upload, save=False)
    image.save()
    return image


def pdf_document(title):
    document = get_document_model()(title=title, language="de")
    document.file.save("blatt.pdf", ContentFile(minimal_pdf([title])), save=False)
    document.save()
    return document


def release_with_media(slug, scheduled=False):
    room = first_or_create(PressRoomPageFactory)
    image, document = jpeg_image(f"Foto {slug}"), pdf_document(f"Blatt {slug}")
    release = PressReleasePage(
        title=f"Mitteilung {slug}",
        slug=slug,
        lead="Text.",
        date=datetime.date(2026, 5, 1),
        pdf_version=document,
        photos=json.dumps(
            [{"type": "photo", "value": {"image": image.pk, "caption": "", "alt_text": ""}}]
        ),
        live=not scheduled,
    )
    room.add_child(instance=release)
    if scheduled:
        release.go_live_at = timezone.now() + datetime.timedelta(days=3)
    release.save_revision().publish()
    release.refresh_from_db()
    assert release.live is not scheduled
    return release, image, document


def read(field_file):
    with open(field_file.path, "rb") as source:
        return source.read()


def test_nginx_serves_renditions_and_hands_protected_files_over_only_after_django(
    site, behind_nginx
):
    release, image, document = release_with_media("offen")
    embargoed, secret_image, secret_document = release_with_media("gesperrt", scheduled=True)
    rendition = image.get_rendition("max-30x30|format-png")

    status, _headers, body = behind_nginx.get(f"/media/{rendition.file.name}")
    assert status == 200 and body == read(rendition.file)

    for field_file in (image.file, document.file, secret_image.file, secret_document.file):
        status, _headers, _body = behind_nginx.get(f"/media/{field_file.name}")
        assert status == 404, field_file.name
        status, _headers, _body = behind_nginx.get(f"{INTERNAL_PREFIX}{field_file.name}")
        assert status == 404, field_file.name

    status, headers, body = behind_nginx.get(document.url)
    assert status == 200
    assert body == read(document.file)
    assert "X-Accel-Redirect" not in headers
    assert headers["Content-Disposition"] == 'inline; filename="blatt.pdf"'  # Django's, kept
    assert headers["Content-Security-Policy"] == "default-src 'none'"

    # A file stored before the random directories, with a space and an umlaut in its name.
    legacy = pdf_document("Altes Blatt")
    legacy.file.name = legacy.file.storage.save("documents/altes blatt ä.pdf", legacy.file)
    legacy.save()
    status, _headers, body = behind_nginx.get(legacy.url)
    assert status == 200 and body == read(legacy.file)

    status, _headers, body = behind_nginx.get(f"{release.url}photos/{image.pk}/original/")
    assert status == 200 and body == read(image.file)

    status, _headers, body = behind_nginx.get(f"{release.url}press-kit/")
    assert status == 200
    assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None

    assert behind_nginx.get(secret_document.url)[0] == 404
    assert behind_nginx.get(f"{embargoed.url}photos/{secret_image.pk}/original/")[0] == 404
    assert behind_nginx.get(f"{embargoed.url}press-kit/")[0] == 404
