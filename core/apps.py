from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("K3 core")

    def ready(self):
        from django.apps import apps
        from django.conf import settings
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, UploadedFile

        from . import (
            localize_admin_i18n,
            lookup_cache,
            page_cache,
            request_memo,
            uploads,
        )
        from .forms import BaseSnippetForm

        uploads.connect([get_image_model(), get_document_model(), UploadedFile])
        localize_admin_i18n.install()
        page_cache.connect()
        request_memo.connect()
        lookup_cache.connect()

        # Snippets and settings edited in the admin: same single-line and media checks as pages,
        # unless a model brings its own form.
        for model in apps.get_models():
            if (
                model._meta.app_label in settings.K3_PROJECT_APPS
                and not issubclass(model, Page)
                and hasattr(model, "panels")
                and getattr(model, "base_form_class", None) is None
            ):
                model.base_form_class = BaseSnippetForm
