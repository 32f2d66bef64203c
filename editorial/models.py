from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class PartnerSpaceQuerySet(models.QuerySet):
    def for_user(self, user):
        """The spaces whose group the user belongs to (all of them for K3 Redaktion)."""
        from .groups import REDAKTION

        if user.is_superuser or user.groups.filter(name=REDAKTION).exists():
            return self.all()
        return self.filter(group__in=user.groups.all())


class PartnerSpace(models.Model):
    """Ties a partner (by its translation key, so renames and the English tree keep it) to the
    group and the media collection `sync_partner_spaces` made for it."""

    partner_key = models.UUIDField(
        _("partner translation key"),
        unique=True,
        help_text=_("The translation key shared by the partner's German and English pages."),
    )
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="partner_space", verbose_name=_("group")
    )
    collection = models.ForeignKey(
        Collection,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("collection"),
    )

    objects = PartnerSpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner space")
        verbose_name_plural = _("partner spaces")

    def __str__(self):
        return self.group.name

    def partner_pages(self):
        """The partner's pages in every locale (German source, English translation or alias)."""
        from network.models import PartnerPage

        return PartnerPage.objects.filter(translation_key=self.partner_key)
