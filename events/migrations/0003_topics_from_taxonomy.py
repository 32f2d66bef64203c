"""Topics now live in `taxonomy`; the table and its rows stay."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_venue_postcode'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are; only Django's idea of which app owns them changes.
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='topics',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, to='taxonomy.topic', verbose_name='topics'),
                ),
            ],
            database_operations=[],
        ),
    ]
