"""The footer has one model now, navigation.Navigation; its links were copied over first."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0002_document_file_random_directory"),
        ("navigation", "0002_footer_links_from_footer_settings"),
    ]

    operations = [migrations.DeleteModel(name="FooterSettings")]
