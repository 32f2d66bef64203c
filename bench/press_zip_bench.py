"""Press kit memory benchmark: packs 200 MB of incompressible media into a ZIP and streams it.

    .venv/bin/python bench/press_zip_bench.py              # 200 MB (16 photos of 10 MB, 8 PDFs of 5 MB)
    .venv/bin/python bench/press_zip_bench.py --megabytes 500

It runs the same code as the press pages (press.kits.PressKit: build() writes the ZIP to storage,
response() streams it with a FileResponse) on random files in a temporary MEDIA_ROOT, with unsaved
image and document objects, so no database is needed. It prints the Python heap peak during the
build and while streaming (tracemalloc) and the growth of the process's peak resident memory
(ru_maxrss), each also as a share of the media size.
"""

import argparse
import os
import resource
import shutil
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "k3cms.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402

from press.kits import PressKit  # noqa: E402

MB = 1024 * 1024


def max_rss_mb():
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / MB


def random_file(path, megabytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for _ in range(megabytes):
            out.write(os.urandom(MB))


def make_media(total_mb):
    media = Path(settings.MEDIA_ROOT)
    photo_mb, document_mb = 10, 5
    photos_total = total_mb * 4 // 5
    photos, documents = [], []
    for number in range(photos_total // photo_mb):
        name = f"original_images/bench-photo-{number:02d}.jpg"
        random_file(media / name, photo_mb)
        photos.append(
            get_image_model()(
                pk=number + 1,
                title=f"Benchmark-Foto {number}",
                file=name,
                width=4000,  # given, so Django does not try to read random bytes as an image
                height=3000,
                file_size=photo_mb * MB,
                credit="Foto: Benchmark",
                description="Zufallsdaten",
            )
        )
    for number in range((total_mb - photos_total) // document_mb):
        name = f"documents/bench-document-{number:02d}.pdf"
        random_file(media / name, document_mb)
        documents.append(
            get_document_model()(
                pk=number + 1,
                title=f"Benchmark-Dokument {number}",
                file=name,
                file_size=document_mb * MB,
            )
        )
    size = sum(p.file_size for p in photos) + sum(d.file_size for d in documents)
    return photos, documents, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=200)
    args = parser.parse_args()
    try:
        photos, documents, media_size = make_media(args.megabytes)
        kit = PressKit("bench.zip", photos, documents)
        rss_before = max_rss_mb()

        tracemalloc.start()
        started = time.perf_counter()
        kit.build()
        build_seconds = time.perf_counter() - started
        _current, build_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after_build = max_rss_mb()

        tracemalloc.start()
        started = time.perf_counter()
        response = kit.response(RequestFactory().get("/"))
        streamed = sum(len(chunk) for chunk in response.streaming_content)
        response.close()
        stream_seconds = time.perf_counter() - started
        _current, stream_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after_stream = max_rss_mb()

        assert streamed == kit.size
        rows = [
            (
                "media packed",
                f"{media_size / MB:8.1f} MB",
                f"{len(photos)} photos, {len(documents)} documents",
            ),
            ("ZIP written", f"{kit.size / MB:8.1f} MB", f"in {build_seconds:.1f} s"),
            ("ZIP streamed", f"{streamed / MB:8.1f} MB", f"in {stream_seconds:.1f} s"),
            (
                "heap peak, build",
                f"{build_peak / MB:8.2f} MB",
                f"{build_peak / media_size:.2%} of the media",
            ),
            (
                "heap peak, stream",
                f"{stream_peak / MB:8.2f} MB",
                f"{stream_peak / media_size:.2%} of the media",
            ),
            (
                "peak RSS growth",
                f"{rss_after_stream - rss_before:8.1f} MB",
                f"{(rss_after_stream - rss_before) * MB / media_size:.2%} of the media "
                f"(build {rss_after_build - rss_before:.1f} MB)",
            ),
        ]
        for label, figure, note in rows:
            print(f"{label:<20}{figure}   {note}")
    finally:
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


if __name__ == "__main__":
    main()
