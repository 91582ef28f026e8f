"""Search vectors kept in the table row, and an index for the outlet list.

A document's search vector (a few KB) was moved out of line to TOAST, so every `@@` match and
every rank read it back chunk by chunk: a common word over 10,000 documents took ~60 ms before
ranking. STORAGE MAIN keeps it in the row (the long text columns go out of line first);
existing rows move when they are next written.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0002_curation_groups"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["outlet"], name="document_outlet_idx"),
        ),
        migrations.RunSQL(
            "ALTER TABLE analysis_document ALTER COLUMN search_vector SET STORAGE MAIN",
            reverse_sql="ALTER TABLE analysis_document ALTER COLUMN search_vector SET STORAGE EXTENDED",
        ),
    ]
