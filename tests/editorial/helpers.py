"""Helpers for driving Wagtail's admin forms through HTTP, as a browser without JavaScript would."""

from html.parser import HTMLParser

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from editorial.models import PartnerSpace

DENIED = (302, 403)


class _FormParser(HTMLParser):
    """Collects what a browser would submit from the admin's editor form."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._in_form = False
        self._textarea = None
        self._select = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("data-edit-form") is not None:
            self._in_form = True
        if tag == "form" and attrs.get("id") in {"w-editor-form", "page-edit-form"}:
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file"}:
                self.data.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
            self._first_option = None
            self._selected = False
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.data.setdefault(self._select, []).append(value)
                self._selected = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def editor_form_data(response, model=None):
    """The POST data of the page editor in `response` (a GET of the add or edit view)."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    data = {key: values if len(values) > 1 else values[0] for key, values in parser.data.items()}
    # StreamFields are drawn by JavaScript; an empty stream is what a browser would send for a
    # blank one.
    for field in model._meta.get_fields() if model else []:
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


def page_snapshot(page):
    """What must not change when a forbidden request is refused."""
    page = Page.objects.get(pk=page.pk)
    return {
        "pages": Page.objects.count(),
        "title": page.title,
        "path": page.path,
        "live": page.live,
        "latest_revision": page.latest_revision_id,
        "revisions": page.revisions.count(),
        "locked": page.locked,
        "translations": Page.objects.filter(translation_key=page.translation_key).count(),
        "aliases": Page.objects.filter(alias_of=page).count(),
        "workflow_states": page.workflow_states.count(),
    }


def english():
    return Locale.objects.get(language_code="en")


def german():
    return Locale.objects.get(language_code="de")


def sync_spaces():
    call_command("sync_partner_spaces", verbosity=0)


def partner_editor(django_user_model, partner):
    """The demo's `<slug>-editor` user of a partner (made here if a demo lacks it)."""
    space = PartnerSpace.objects.get(partner_key=partner.translation_key)
    user, _created = django_user_model.objects.get_or_create(
        username=f"{partner.slug}-editor", defaults={"email": f"{partner.slug}@example.org"}
    )
    user.groups.add(space.group)
    return user


def member_of(django_user_model, group_name, username):
    user, _created = django_user_model.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def admin_in_english(*users):
    """Let `users` work in the English admin, so tests can read messages in their source wording
    whatever the German catalogue says."""
    from wagtail.users.models import UserProfile

    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
