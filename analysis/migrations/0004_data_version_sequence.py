"""A sequence the write services advance after every change: `selectors.data_version()` reads it to key
cached data-wide aggregates (one cheap read, shared by every process, unlike the local-memory cache)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0003_search_vector_inline"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS analysis_data_version",
            "DROP SEQUENCE IF EXISTS analysis_data_version",
        ),
    ]
