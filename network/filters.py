"""Filters of the partner and fellow overviews: plain GET forms, so every filter lives in the URL."""

from django.utils.translation import gettext_lazy as _

from core.filters import FilterChoiceField, ListingFilter, TypedFilterChoiceField
from taxonomy.models import ArtDiscipline, FieldOfAction

from .choices import PartnerRole, ProgramKind
from .models import prepare_fellow_cards


class PartnerFilter(ListingFilter):
    role = FilterChoiceField(label=_("Role in the network"), all_label=_("All roles"))
    city = FilterChoiceField(label=_("City"), all_label=_("All cities"))
    field = FilterChoiceField(label=_("Field of action"), all_label=_("All fields of action"))

    def __init__(self, data, partners, *, locale, **kwargs):
        self.locale = locale
        super().__init__(data, partners, **kwargs)

    def options(self):
        cities = self.queryset.order_by("city").values_list("city", flat=True).distinct()
        return {
            "role": PartnerRole.member_choices(),
            "city": [(city, city) for city in cities],
            "field": [(entry.slug, entry.name) for entry in FieldOfAction.in_language(self.locale)],
        }

    def filter_role(self, partners, role):
        return partners.filter(role=role)

    def filter_city(self, partners, city):
        return partners.filter(city=city)

    def filter_field(self, partners, slug):
        return partners.filter(fields_of_action__slug=slug).distinct()

    def listing(self):
        return super().listing().for_listing()

    def prepare(self, partners):
        localize = FieldOfAction.localizer(self.locale)
        for partner in partners:
            partner.localized_fields = [localize(f) for f in partner.fields_of_action.all()]
        return partners


class FellowFilter(ListingFilter):
    discipline = FilterChoiceField(label=_("Art discipline"), all_label=_("All disciplines"))
    program = FilterChoiceField(label=_("Programme"), all_label=_("All programmes"))
    cohort = TypedFilterChoiceField(
        label=_("Cohort"), all_label=_("All cohorts"), coerce=int, empty_value=None
    )

    def __init__(self, data, fellows, *, locale, **kwargs):
        self.locale = locale
        super().__init__(data, fellows, **kwargs)

    def options(self):
        years = self.queryset.order_by("-cohort_year").values_list("cohort_year", flat=True)
        return {
            "discipline": [
                (entry.slug, entry.name) for entry in ArtDiscipline.in_language(self.locale)
            ],
            "program": [
                (ProgramKind.FELLOWSHIP, ProgramKind.FELLOWSHIP.label),
                (ProgramKind.AKADEMIE, ProgramKind.AKADEMIE.label),
            ],
            "cohort": [(str(year), str(year)) for year in years.distinct()],
        }

    def filter_discipline(self, fellows, slug):
        return fellows.filter(disciplines__slug=slug).distinct()

    def filter_program(self, fellows, kind):
        return fellows.filter(program__kind=kind)

    def filter_cohort(self, fellows, year):
        return fellows.filter(cohort_year=year)

    def listing(self):
        return super().listing().for_listing()

    def prepare(self, fellows):
        return prepare_fellow_cards(fellows, self.locale)
