"""WSGI entry point; gunicorn serves it in production (`gunicorn k3cms.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "k3cms.settings.production")

application = get_wsgi_application()
