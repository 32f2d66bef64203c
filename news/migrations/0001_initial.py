"""The news pages move here from `home`, keeping their tables (home_newspage, …)."""

import core.models
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

OLD_APP, NEW_APP, MODELS = 'home', 'news', ['newsindexpage', 'newspage']


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
        ('core', '0002_document_file_random_directory'),
        ('home', '0003_alter_homepage_sections'),
        ('network', '0002_fellow_links_and_help_texts'),
        ('taxonomy', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are; only Django's idea of which app owns them changes.
            state_operations=[
                migrations.CreateModel(
                    name='NewsIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('listing_summary', models.TextField(blank=True, help_text='One or two sentences shown in listings. Falls back to the search description.', max_length=300, verbose_name='listing summary')),
                        ('intro', models.TextField(blank=True, help_text='A short text above the list of news.', verbose_name='introduction')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Shown where this page is listed or teased. Optional.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.k3image', verbose_name='listing image')),
                    ],
                    options={
                        'verbose_name': 'news overview',
                        'db_table': 'home_newsindexpage',
                    },
                    bases=(core.models.TranslationStateMixin, 'wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='NewsPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('listing_summary', models.TextField(blank=True, help_text='One or two sentences shown in listings. Falls back to the search description.', max_length=300, verbose_name='listing summary')),
                        ('date', models.DateField(help_text='The date shown with the news and used to sort it.', verbose_name='date')),
                        ('teaser', models.TextField(help_text='One or two sentences shown in lists and at the top of the news.', max_length=400, verbose_name='teaser')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 15), ('downloads', 19), ('faq', 24), ('video', 28)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2'), ('h3', 'Level 3')], 'help_text': 'Level 2 for sections, level 3 for sub-sections.', 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Text', 'template': 'components/streamfield/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the image's own alt text.", 'label': 'alt text', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 500, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'quote'}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': "Who said it, with their role, e.g. 'Lorenz Deutsch, Kulturrat NRW'.", 'label': 'attribution', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the reader is invited to do.', 'label': 'text', 'max_length': 200}), 12: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 13: ('wagtail.blocks.URLBlock', (), {'label': 'external address', 'required': False}), 14: ('wagtail.blocks.CharBlock', (), {'label': 'button label', 'max_length': 60}), 15: ('wagtail.blocks.StructBlock', [[('text', 11), ('page', 12), ('url', 13), ('button_label', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 200, 'required': False}), 17: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 18: ('wagtail.blocks.ListBlock', (17,), {'label': 'documents'}), 19: ('wagtail.blocks.StructBlock', [[('heading', 16), ('documents', 18)]], {}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'question', 'max_length': 300}), 21: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'answer'}), 22: ('wagtail.blocks.StructBlock', [[('question', 20), ('answer', 21)]], {}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'questions'}), 24: ('wagtail.blocks.StructBlock', [[('heading', 16), ('items', 23)]], {}), 25: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…', 'label': 'video address'}), 26: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video is about.', 'label': 'title', 'max_length': 200}), 27: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'For people who cannot watch or hear the video.', 'label': 'transcript or summary', 'required': False}), 28: ('wagtail.blocks.StructBlock', [[('url', 25), ('title', 26), ('transcript', 27)]], {})}, verbose_name='body')),
                        ('image', models.ForeignKey(blank=True, help_text='Shown at the top and in lists, with its credit. Optional.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.k3image', verbose_name='image')),
                        ('listing_image', models.ForeignKey(blank=True, help_text='Shown where this page is listed or teased. Optional.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.k3image', verbose_name='listing image')),
                        ('related_partners', modelcluster.fields.ParentalManyToManyField(blank=True, help_text="The news also appears on these partners' pages.", related_name='+', to='network.partnerpage', verbose_name='partners involved')),
                        ('related_programs', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='The programs the news is about.', related_name='+', to='network.programpage', verbose_name='programs')),
                        ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='taxonomy.topic', verbose_name='topics')),
                    ],
                    options={
                        'verbose_name': 'news',
                        'verbose_name_plural': 'news',
                        'db_table': 'home_newspage',
                    },
                    bases=(core.models.TranslationStateMixin, 'wagtailcore.page', models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
