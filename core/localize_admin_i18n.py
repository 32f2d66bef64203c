"""wagtail-localize's admin in the editor's language, where wagtail-localize itself leaves English.

Its German catalogues are complete, but two things bypass them (wagtail-localize 1.14):

- The translation editor's dates ("Translated manually on {date}" under every segment) are
  formatted with `strftime("%-d %B %Y")`, whose month names are the C locale's: German editors
  read "Manuell übersetzt am 2 December 2026". `install()` gives `StringTranslation.get_comment`
  the date in Django's format for the active language ("2. Dezember 2026").
- Its React editor hard-codes two labels in English: the heading "<source> to <target>
  translation" and the screen-reader label "More actions". `editor_strings_script()` hands their
  translations to a small script (k3cms/static/js/localize-editor-strings.js) that replaces them
  in the rendered editor.

Both can go once wagtail-localize formats its dates with Django and passes these labels through
`gettext`, which is the real fix upstream.
"""

from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import format_html, json_script
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# The editor's hard-coded English labels, as msgids of our catalogue. The heading's placeholders
# are filled in by the script with the two languages' names.
EDITOR_HEADING = gettext_noop("%(source)s to %(target)s translation")
EDITOR_LABELS = [gettext_noop("More actions")]


def translation_comment(string_translation):
    """StringTranslation.get_comment, with its date in the active language's format."""
    when = date_format(localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=when
        )
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=when)
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=when)
    return None


def install():
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = translation_comment


def editor_strings_script():
    """The editor labels' translations as JSON, and the script that puts them in place."""
    strings = {
        "heading": _(EDITOR_HEADING),
        "labels": {label: _(label) for label in EDITOR_LABELS},
    }
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(strings, "k3-localize-editor-strings"),
        static("js/localize-editor-strings.js"),
    )
