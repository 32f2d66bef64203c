from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Venue
from .permissions import venue_permission_policy
from .views import VenueViewSet

# Before the viewset: it would otherwise register Wagtail's plain model policy for venues.
register_permission_policy(Venue, venue_permission_policy, exact_class=True)
register_snippet(VenueViewSet)
