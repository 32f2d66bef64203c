"""Filters of the partner and fellow overviews: plain GET forms, so every filter lives in the URL.

Values that are not on offer (an unknown slug, a cohort that is no number, a NUL byte) are ignored
and named in a visible note; the listing never fails because of its query string.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from .choices import PartnerRole, ProgramKind
from .models import ArtDiscipline, FieldOfAction, prepare_fellow_cards


def _with_all(choices, label):
    return [("", label), *choices]


class PartnerFilterForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the network"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    field = forms.ChoiceField(label=_("Field of action"), required=False)

    def __init__(self, data, partners, locale):
        super().__init__(data)
        self.fields["role"].choices = _with_all(PartnerRole.choices, _("All roles"))
        cities = partners.order_by("city").values_list("city", flat=True).distinct()
        self.fields["city"].choices = _with_all([(c, c) for c in cities], _("All cities"))
        self.fields["field"].choices = _with_all(
            [(entry.slug, entry.name) for entry in FieldOfAction.in_language(locale)],
            _("All fields of action"),
        )


class FellowFilterForm(forms.Form):
    discipline = forms.ChoiceField(label=_("Art discipline"), required=False)
    program = forms.ChoiceField(label=_("Program"), required=False)
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, fellows, locale):
        super().__init__(data)
        self.fields["discipline"].choices = _with_all(
            [(entry.slug, entry.name) for entry in ArtDiscipline.in_language(locale)],
            _("All disciplines"),
        )
        self.fields["program"].choices = _with_all(
            [
                (ProgramKind.FELLOWSHIP, ProgramKind.FELLOWSHIP.label),
                (ProgramKind.AKADEMIE, ProgramKind.AKADEMIE.label),
            ],
            _("All programs"),
        )
        years = fellows.order_by("-cohort_year").values_list("cohort_year", flat=True).distinct()
        self.fields["cohort"].choices = _with_all(
            [(str(year), str(year)) for year in years], _("All cohorts")
        )


class ListingFilter:
    """Validates the query string, filters the listing and paginates it."""

    form_class = None
    per_page = 12

    def __init__(self, data, queryset, locale, per_page=None):
        self.data = data
        self.queryset = queryset
        self.locale = locale
        self.per_page = per_page or self.per_page

    def context(self, request):
        form = self.form_class(self.data, self.queryset, self.locale)
        form.is_valid()
        active = {
            name: form.cleaned_data[name]
            for name in form.fields
            if name not in form.errors and form.cleaned_data.get(name) not in ("", None)
        }
        ignored = [form.fields[name].label for name in form.errors]
        items = self.apply(self.queryset, active)
        page_obj = Paginator(items, self.per_page).get_page(self.data.get("page"))
        page_obj.object_list = self.prepare(list(page_obj.object_list))
        return {
            "filter_form": form,
            "active_filters": active,
            "ignored_filters": ignored,
            "filter_query": urlencode(active),
            "page_obj": page_obj,
        }

    def apply(self, queryset, active):
        raise NotImplementedError

    def prepare(self, items):
        return items


class PartnerFilter(ListingFilter):
    form_class = PartnerFilterForm

    def apply(self, partners, active):
        if "role" in active:
            partners = partners.filter(role=active["role"])
        if "city" in active:
            partners = partners.filter(city=active["city"])
        if "field" in active:
            partners = partners.filter(fields_of_action__slug=active["field"]).distinct()
        return partners.for_listing()

    def prepare(self, partners):
        localize = FieldOfAction.localizer(self.locale)
        for partner in partners:
            partner.localized_fields = [localize(f) for f in partner.fields_of_action.all()]
        return partners


class FellowFilter(ListingFilter):
    form_class = FellowFilterForm

    def apply(self, fellows, active):
        if "discipline" in active:
            fellows = fellows.filter(disciplines__slug=active["discipline"]).distinct()
        if "program" in active:
            fellows = fellows.filter(program__kind=active["program"])
        if "cohort" in active:
            fellows = fellows.filter(cohort_year=active["cohort"])
        return fellows.for_listing()

    def prepare(self, fellows):
        return prepare_fellow_cards(fellows, self.locale)
