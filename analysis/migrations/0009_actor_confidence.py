"""Issue 18: an actor's confidence, computed from the calibrated confidence each document's extraction
states on its mentions (null until computed), with the best of each source it combines; evidence cues
get room for the party cues."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0008_maintained_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="الثقة"),
        ),
        migrations.AddField(
            model_name="actor",
            name="confidence_sources",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="ثقة كل مصدر"),
        ),
        migrations.AddField(
            model_name="historicalactor",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="الثقة"),
        ),
        migrations.AddField(
            model_name="historicalactor",
            name="confidence_sources",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="ثقة كل مصدر"),
        ),
        migrations.AddField(
            model_name="mention",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="ثقة المستخرِج"),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="cues",
            field=models.CharField(blank=True, default="", max_length=400, verbose_name="القرائن"),
        ),
        migrations.AlterField(
            model_name="historicalevidence",
            name="cues",
            field=models.CharField(blank=True, default="", max_length=400, verbose_name="القرائن"),
        ),
    ]
