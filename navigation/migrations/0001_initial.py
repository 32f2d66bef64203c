"""The Navigation snippet moves here from `home`, keeping its table (home_navigation)."""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.db import migrations, models

OLD_APP, NEW_APP, MODELS = 'home', 'navigation', ['navigation']


def _move(apps, source, target):
    """Pages, revisions, translations, permissions and log entries point at content types by id:
    relabelling the existing rows keeps them all attached to the moved models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types(apps, schema_editor):
    _move(apps, OLD_APP, NEW_APP)


def move_content_types_back(apps, schema_editor):
    _move(apps, NEW_APP, OLD_APP)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0003_alter_homepage_sections'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are; only Django's idea of which app owns them changes.
            state_operations=[
                migrations.CreateModel(
                    name='Navigation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('main_links', wagtail.fields.StreamField([('link', 1)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Choose the German page; English readers get its translation.', 'label': 'page'}), 1: ('wagtail.blocks.StructBlock', [[('page', 0)]], {})}, help_text='The pages in the menu at the top of every page, in this order.', verbose_name='main navigation')),
                        ('footer_text', models.TextField(blank=True, help_text='A sentence about the network and its funding, shown in the footer.', verbose_name='footer text')),
                        ('footer_links', wagtail.fields.StreamField([('link', 1)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Choose the German page; English readers get its translation.', 'label': 'page'}), 1: ('wagtail.blocks.StructBlock', [[('page', 0)]], {})}, help_text='Impressum, privacy policy, accessibility statement, Leichte Sprache, …', verbose_name='footer links')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'navigation and footer',
                        'verbose_name_plural': 'navigation and footer',
                        'db_table': 'home_navigation',
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
