"""Who may change which venue.

K3 Redaktion (Django's `change_venue`) changes every venue. A partner editor
(`change_own_venue`) changes the venues of the partners whose page they may edit: those they
added themselves (`Venue.partner` is set from their partner page then) and those the editorial
team assigned to their institution. Everyone with admin access chooses from all venues.
"""

from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

from network.models import PartnerPage

from .models import Venue

OWN = "change_own_venue"


def editable_partners(user):
    """The partner pages (every locale) the user may edit."""
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return PartnerPage.objects.filter(pk__in=editable.type(PartnerPage).values("pk"))


def partner_for_new_venue(user):
    """The German partner page a venue added by `user` belongs to (None for the editorial team)."""
    if user.has_perm("events.change_venue") or not user.has_perm(f"events.{OWN}"):
        return None
    return editable_partners(user).filter(locale=Locale.get_default()).order_by("path").first()


class VenuePermissionPolicy(ModelPermissionPolicy):
    def _for_every_venue(self, user, action):
        """Django's model permission: `action` on every venue."""
        return super().user_has_permission(user, action)

    def _may_change_own(self, user):
        return user.is_active and user.has_perm(f"{self.app_label}.{OWN}")

    def user_has_permission(self, user, action):
        if action == "change" and self._may_change_own(user):
            return True
        return self._for_every_venue(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if self._for_every_venue(user, action):
            return True
        if action != "change" or not self._may_change_own(user) or instance.partner_id is None:
            return False
        keys = editable_partners(user).values("translation_key")
        return PartnerPage.objects.filter(pk=instance.partner_id, translation_key__in=keys).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self._for_every_venue(user, action) for action in actions):
            return self.model._default_manager.all()
        if "change" in actions and self._may_change_own(user):
            keys = editable_partners(user).values("translation_key")
            return self.model._default_manager.filter(partner__translation_key__in=keys)
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        codenames = self._get_permission_codenames(actions)
        if "change" in actions:
            codenames = {*codenames, OWN}
        return self._get_users_with_any_permission_codenames(codenames)


venue_permission_policy = VenuePermissionPolicy(Venue)
