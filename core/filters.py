"""One way to filter a listing from its query string: a GET form that never makes the page fail.

Partners, fellows and the event calendar each subclass `ListingFilter`. The form checks every
parameter against what is on offer; a value that is not (an unknown slug, a cohort that is no
number, a NUL byte, 5,000 characters) leaves its filter out and is named in a note the reader
sees. The valid values are applied by `filter_<name>` methods, repeated in `querystring()` for the
page links and the "remove this filter" links, and shown selected in the form.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.forms.boundfield import BoundField
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import page_cache

NOTE_VALUE_LENGTH = 40
ALL = _("All")


class FilterChoiceField(forms.ChoiceField):
    """An optional choice whose first option, `all_label`, filters nothing."""

    def __init__(self, *, all_label=ALL, **kwargs):
        super().__init__(required=False, **kwargs)
        self.all_label = all_label

    def offer(self, options):
        self.choices = [("", self.all_label), *options]


class TypedFilterChoiceField(FilterChoiceField, forms.TypedChoiceField):
    pass


class AppliedValue(BoundField):
    """Shows the value the listing applies: the canonical spelling, nothing for an ignored one."""

    def value(self):
        return self.form.active.get(self.name, "")


class CountedPaginator(Paginator):
    """A paginator told the number of items, so it does not count them again."""

    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.count = count


class ListingFilter(forms.Form):
    """Validates the query string, filters the listing with it and paginates the result.

    Subclasses declare `FilterChoiceField`s, return what each one offers from `options()`
    and narrow the queryset in one `filter_<field name>(queryset, value)` method per field.
    """

    bound_field_class = AppliedValue
    per_page = 12
    label = _("Filter the list")
    submit_label = _("Apply filters")

    def __init__(self, data, queryset, *, per_page=None, **kwargs):
        self.notes = []
        super().__init__(self._one_value_each(data), **kwargs)
        self.queryset = queryset
        self.per_page = per_page or self.per_page
        for name, options in self.options().items():
            self.fields[name].offer(options)

    def options(self):
        """The (value, label) pairs each field offers, by field name."""
        return {}

    # --- reading the query string ---

    def _one_value_each(self, data):
        """The last non-blank value of each filter; a note when the reader sent several."""
        single = {}
        for name, field in self.base_fields.items():
            values = [value.strip() for value in data.getlist(name) if value.strip()]
            if not values:
                continue
            single[name] = values[-1]
            if len(set(values)) > 1:
                self.note(
                    gettext("Only one value per filter: “%(filter)s” shows “%(value)s”.")
                    % {"filter": field.label, "value": self.shown(values[-1])}
                )
        return single

    @cached_property
    def active(self):
        """The valid, non-empty values of the query string, in the order of the fields."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in self.cleaned_data and self.cleaned_data[name] not in ("", None)
        }

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            self.note(
                gettext("“%(value)s” is not a valid value for “%(filter)s” and was ignored.")
                % {"value": self.shown(self.data[name]), "filter": self.fields[name].label}
            )

    def note(self, message):
        if message not in self.notes:
            self.notes.append(message)

    @staticmethod
    def shown(value):
        """The reader's value, made printable and short enough to repeat back."""
        printable = "".join(char for char in value if char.isprintable())
        return printable[:NOTE_VALUE_LENGTH] + ("…" if len(printable) > NOTE_VALUE_LENGTH else "")

    # --- applying ---

    def filter_queryset(self, queryset):
        for name, value in self.active.items():
            queryset = getattr(self, f"filter_{name}")(queryset, value)
        return queryset

    def listing(self):
        """The filtered items in listing order, ready to be paginated."""
        return self.filter_queryset(self.queryset)

    def count(self):
        """How many items the listing holds, or None to let the paginator count them."""
        return None

    def prepare(self, items):
        """The items of the shown page, with whatever their cards need beyond the queryset."""
        return items

    def page(self, number):
        paginator = CountedPaginator(self.listing(), self.per_page, self.count())
        page_obj = paginator.get_page(number)
        page_obj.object_list = self.prepare(list(page_obj.object_list))
        return page_obj

    # --- what the template gets ---

    def querystring(self, without=None):
        """The applied filters as a query string, without the page (and without `without`)."""
        return urlencode({name: value for name, value in self.active.items() if name != without})

    def active_filters(self, url):
        """Each applied filter with its label, its value's label and a link that drops it."""
        filters = []
        for name, value in self.active.items():
            field = self.fields[name]
            query = self.querystring(without=name)
            filters.append(
                {
                    "name": name,
                    "label": field.label,
                    "value_label": dict(field.choices).get(str(value), value),
                    "remove_url": f"{url}?{query}" if query else url,
                }
            )
        return filters

    def context(self, request, url):
        """The template context of one page of the listing at `url`."""
        page_obj = self.page(request.GET.get("page"))
        if self.is_canonical(request.GET, page_obj):
            page_cache.accept_query(request)
        else:
            page_cache.keep_private(request)
        return {
            "filter_form": self,
            "filter_url": url,
            "active_filters": self.active_filters(url),
            "page_obj": page_obj,
            "querystring": self.querystring(),
        }

    def is_canonical(self, query, page_obj):
        """Whether `query` is exactly the applied filters and page as this listing writes them:
        then a shared cache may keep the answer. Any other spelling (unknown or invalid
        parameters, a page past the last) would give every variant its own cache entry."""
        canonical = [(name, str(value)) for name, value in self.active.items()]
        if page_obj.number > 1:
            canonical.append(("page", str(page_obj.number)))
        sent = [(name, value) for name, values in query.lists() for value in values]
        return not self.notes and sorted(sent) == sorted(canonical)
