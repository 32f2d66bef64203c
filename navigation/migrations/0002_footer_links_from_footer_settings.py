"""One footer: the legal pages chosen in the former 'Footer' site setting become the footer links of
every Navigation snippet that has none, before core drops that setting (core 0003)."""

import json
import uuid

from django.db import migrations


def copy_footer_settings(apps, schema_editor):
    FooterSettings = apps.get_model("core", "FooterSettings")
    Navigation = apps.get_model("navigation", "Navigation")
    Page = apps.get_model("wagtailcore", "Page")
    for footer in FooterSettings.objects.select_related("site"):
        page_ids = [
            page_id
            for page_id in (
                footer.imprint_page_id,
                footer.privacy_page_id,
                footer.accessibility_page_id,
            )
            if page_id is not None
        ]
        if not page_ids:
            continue
        links = json.dumps(
            [{"type": "link", "value": {"page": pk}, "id": str(uuid.uuid4())} for pk in page_ids]
        )
        root_locale_id = Page.objects.get(pk=footer.site.root_page_id).locale_id
        if not Navigation.objects.filter(locale_id=root_locale_id).exists():
            Navigation.objects.create(locale_id=root_locale_id, main_links="[]", footer_links=links)
        for navigation in Navigation.objects.all():
            if not navigation.footer_links:
                Navigation.objects.filter(pk=navigation.pk).update(footer_links=links)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0002_document_file_random_directory"),
        ("navigation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(copy_footer_settings, migrations.RunPython.noop)]
