"""The taxonomy snippets move here from `network`, keeping their tables (network_topic, …)."""

import django.db.models.deletion
import uuid
from django.db import migrations, models

OLD_APP, NEW_APP, MODELS = 'network', 'taxonomy', ['topic', 'artdiscipline', 'fieldofaction']


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
        ('network', '0002_fellow_links_and_help_texts'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are; only Django's idea of which app owns them changes.
            state_operations=[
                migrations.CreateModel(
                    name='ArtDiscipline',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Used in filter addresses; keep it the same in every language.', max_length=100, verbose_name='slug')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'art discipline',
                        'verbose_name_plural': 'art disciplines',
                        'db_table': 'network_artdiscipline',
                        'ordering': ['name'],
                        'abstract': False,
                        'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='FieldOfAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Used in filter addresses; keep it the same in every language.', max_length=100, verbose_name='slug')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'field of action',
                        'verbose_name_plural': 'fields of action',
                        'db_table': 'network_fieldofaction',
                        'ordering': ['name'],
                        'abstract': False,
                        'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Used in filter addresses; keep it the same in every language.', max_length=100, verbose_name='slug')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'topic',
                        'verbose_name_plural': 'topics',
                        'db_table': 'network_topic',
                        'ordering': ['name'],
                        'abstract': False,
                        'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
