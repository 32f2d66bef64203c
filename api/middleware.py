"""Django's LocaleMiddleware, except that an API answer of 404 stays a 404.

Django answers a 404 outside the language prefixes by redirecting to the same address under
/de/ whenever that address resolves, and Wagtail's catch-all resolves every address: an unknown
id at /api/v1/events/123/ would send clients to /de/api/v1/events/123/ and the site's HTML
error page instead of the API's JSON "not found".
"""

from django.middleware import locale
from django.utils import translation

API_PREFIX = "/api/"


class LocaleMiddleware(locale.LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
