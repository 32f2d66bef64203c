from django import forms
from django.utils.translation import gettext_lazy as _

from .types import available_types

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """What a reader may ask for; anything else is answered with a 400 and the reason."""

    # Django's CharField already refuses NUL characters (wagtail #12052 was a 500 on them).
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All"))] + [
            (result_type.slug, result_type.label) for result_type in available_types()
        ]
