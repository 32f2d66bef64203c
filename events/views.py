"""The venues' admin: partner editors add venues and change their own (see events.permissions)."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .models import Venue
from .permissions import partner_for_new_venue, venue_permission_policy

VENUE_SEARCH_FIELDS = ["name", "city", "postcode", "address"]


def search_venues(venues, query):
    """Venues whose name, city, postcode or street contain `query` (any case)."""
    condition = Q()
    for field in VENUE_SEARCH_FIELDS:
        condition |= Q(**{f"{field}__icontains": query})
    return venues.filter(condition)


class VenueChooserFilterForm(LocaleFilterMixin, BaseFilterForm):
    """The chooser's search box: venues are few, so the database searches them directly."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search by name or city")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = search_venues(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class VenueChooseView(ChooseView):
    filter_form_class = VenueChooserFilterForm


class VenueChooseResultsView(ChooseResultsView):
    filter_form_class = VenueChooserFilterForm


class VenueChooserViewSet(SnippetChooserViewSet):
    choose_view_class = VenueChooseView
    choose_results_view_class = VenueChooseResultsView


class VenueCreateView(CreateView):
    def get_initial_form_instance(self):
        """A partner editor's new venue belongs to their institution."""
        instance = super().get_initial_form_instance() or self.model()
        instance.partner = partner_for_new_venue(self.request.user)
        return instance


class VenueEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        venue = self.get_object()
        if not venue_permission_policy.user_has_permission_for_instance(
            request.user, "change", venue
        ):
            if venue.partner_id:
                text = gettext(
                    "This venue belongs to “%(partner)s”. You can change the venues of your "
                    "own institution only; choose this one for your events as it is, or ask "
                    "the K3 editorial team."
                ) % {"partner": venue.partner.title}
            else:
                text = gettext(
                    "This venue is looked after by the K3 editorial team. You can choose it for "
                    "your events as it is; ask the team if something about it is wrong."
                )
            messages.error(request, text)
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    add_view_class = VenueCreateView
    edit_view_class = VenueEditView
    chooser_viewset_class = VenueChooserViewSet
    search_fields = VENUE_SEARCH_FIELDS
    list_display = [
        "name",
        Column("locality", label=capfirst(_("place")), accessor="locality"),
        "partner",
    ]

    def get_queryset(self, request):
        """Partner editors list the venues they may change; K3 Redaktion lists them all."""
        return venue_permission_policy.instances_user_has_any_permission_for(
            request.user, ["change", "delete"]
        ).select_related("partner", "locale")
