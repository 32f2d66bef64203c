"""Licences an image or document can carry, with labels readers see in their language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    EDITORIAL_WITH_CREDIT = "editorial", _("Free for editorial use with credit")
    CC_BY_4 = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA_4 = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC0 = "cc0", _("CC0 1.0 (public domain dedication)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class DocumentLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")
    MULTILINGUAL = "mul", _("German and English")
