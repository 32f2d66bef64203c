"""Uploaded files never outlive a failed save.

Django writes an uploaded file to storage while saving the model, before the row is inserted.
When the save (or anything after it in the same transaction, e.g. Wagtail's log entry) fails,
the row is gone but the file stays in MEDIA_ROOT, publicly reachable and never cleaned up.

Every save of an image, document or pending multiple upload that writes a file is noted for
the current request; when the request ends, each noted file that no row refers to is deleted.
Outside requests (scripts, commands) a save that raises deletes its file at once.
"""

import logging
from contextvars import ContextVar

from django.db import DatabaseError
from django.db.models.signals import pre_save

logger = logging.getLogger(__name__)

_written = ContextVar("k3_written_upload_files", default=None)


def writes_file(instance, field_name="file"):
    field_file = getattr(instance, field_name)
    return bool(field_file) and (instance._state.adding or not field_file._committed)


def note_written_file(sender, instance, **kwargs):
    ledger = _written.get()
    if ledger is not None and writes_file(instance):
        ledger.append((sender, instance))


def delete_if_orphaned(model, instance, field_name="file"):
    field_file = getattr(instance, field_name)
    name = field_file.name if field_file else None
    if not name or not field_file._committed:
        return  # never written
    try:
        if model._default_manager.filter(**{field_name: name}).exists():
            return
    except DatabaseError:  # a broken transaction: better keep a file than guess
        logger.warning("Could not check whether %s is still used", name)
        return
    if field_file.storage.exists(name):
        field_file.storage.delete(name)
        logger.info("Deleted %s: its upload was not saved", name)


def connect(models):
    for model in models:
        pre_save.connect(note_written_file, sender=model, dispatch_uid=f"k3-upload-{model}")


class OrphanedUploadCleanupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _written.set([])
        try:
            return self.get_response(request)
        finally:
            ledger = _written.get()
            _written.reset(token)
            for model, instance in ledger:
                delete_if_orphaned(model, instance)


class DeleteFileIfSaveFailsMixin:
    """For models with a `file`: a save that raises removes the file it has just written."""

    def save(self, *args, **kwargs):
        written = writes_file(self)
        try:
            return super().save(*args, **kwargs)
        except Exception:
            if written:
                delete_if_orphaned(type(self), self)
            raise
