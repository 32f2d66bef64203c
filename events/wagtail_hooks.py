from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Venue
from .permissions import venue_permission_policy
from .views import VenueViewSet
from .widget import WidgetMenuItem, WidgetSnippetView

# Before the viewset: it would otherwise register Wagtail's plain model policy for venues.
register_permission_policy(Venue, venue_permission_policy, exact_class=True)
register_snippet(VenueViewSet)


@hooks.register("register_admin_urls")
def register_widget_url():
    return [path("event-widget/", WidgetSnippetView.as_view(), name="event_widget_snippet")]


@hooks.register("register_admin_menu_item")
def register_widget_menu_item():
    return WidgetMenuItem(
        _("Event widget"), reverse("event_widget_snippet"), icon_name="code", order=900
    )
