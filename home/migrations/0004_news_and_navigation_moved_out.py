"""News pages and the Navigation snippet now belong to the `news` and `navigation` apps.

Only Django's state changes here: the tables and their rows stay and are owned by those apps.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_alter_homepage_sections"),
        ("navigation", "0001_initial"),
        ("news", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="NewsPage"),
                migrations.DeleteModel(name="NewsIndexPage"),
                migrations.DeleteModel(name="Navigation"),
            ],
            database_operations=[],
        ),
    ]
