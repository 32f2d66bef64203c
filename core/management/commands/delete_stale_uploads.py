"""Deletes pending multiple-upload files nobody finished.

Wagtail's multiple uploader keeps a file in MEDIA_ROOT/wagtail_uploads/ until its editor fills in
the details (alt text and credit are required, so every image upload waits there). An editor who
closes the tab leaves the file behind for good; this removes those older than --hours.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import UploadedFile


class Command(BaseCommand):
    help = "Delete unfinished multiple uploads (wagtail_uploads/) older than --hours (24)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        cutoff = timezone.now() - timedelta(hours=hours)
        deleted = 0
        for upload in UploadedFile.objects.all():
            storage, name = upload.file.storage, upload.file.name
            if name and storage.exists(name) and storage.get_modified_time(name) >= cutoff:
                continue  # still being filled in
            if name and storage.exists(name):
                storage.delete(name)
            upload.delete()
            deleted += 1
        self.stdout.write(f"Deleted {deleted} unfinished upload(s).")
