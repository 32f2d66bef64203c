"""The fixed value lists of programs and partners, apart from the models that use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramKind(models.TextChoices):
    CONTINUING_EDUCATION = "weiterbildung", _("Open continuing education")
    AKADEMIE = "akademie", _("KI-Akademie")
    FELLOWSHIP = "fellowship", _("KI-Fellowships")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Opens soon")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead institution")
    CONSORTIUM = "consortium", _("Consortium partner")
    CULTURAL_POLICY = "cultural-policy", _("Cultural-policy partner")
    FUNDER = "funder", _("Funder")

    @classmethod
    def member_choices(cls):
        """The roles of member institutions: every role but the funder's, which funds the
        network without being a member of it."""
        return [(value, label) for value, label in cls.choices if value != cls.FUNDER]
