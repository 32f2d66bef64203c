from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = _("Navigation and footer")

    def ready(self):
        from wagtail.images import get_image_model

        from core import lookup_cache

        from .models import Navigation

        # The cached footer holds the funder's logo with its alt text.
        lookup_cache.watch(Navigation, get_image_model())
