"""The taxonomy snippets now belong to `taxonomy` (tables and rows stay), and the demo-only
`is_example` flag leaves the production schema (the demo says so in the partner's own text)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0003_topics_from_taxonomy"),
        ("home", "0004_news_and_navigation_moved_out"),
        ("network", "0002_fellow_links_and_help_texts"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="fellowprofilepage",
                    name="disciplines",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The fellow's Sparten. Choose the German entries; readers see their language.",
                        to="taxonomy.artdiscipline",
                        verbose_name="art disciplines",
                    ),
                ),
                migrations.AlterField(
                    model_name="partnerpage",
                    name="fields_of_action",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The fields the institution works in within K3. Choose the German entries.",
                        to="taxonomy.fieldofaction",
                        verbose_name="fields of action",
                    ),
                ),
                migrations.DeleteModel(name="ArtDiscipline"),
                migrations.DeleteModel(name="FieldOfAction"),
                migrations.DeleteModel(name="Topic"),
            ],
            database_operations=[],
        ),
        migrations.RemoveField(model_name="partnerpage", name="is_example"),
    ]
