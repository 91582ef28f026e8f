"""Issue 18: an engagement's confidence is computed (null until then, never a constant default);
each evidence row keeps the extractor's confidence and cues for that sentence."""

from django.db import migrations, models


def constant_default_clear(apps, schema_editor):
    # 0.5 was the field's default: nothing computed it.
    apps.get_model("analysis", "Engagement").objects.filter(confidence=0.5).update(confidence=None)


class Migration(migrations.Migration):
    dependencies = [("analysis", "0005_engagement_match_index")]

    operations = [
        migrations.AlterField(
            model_name="engagement",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="الثقة"),
        ),
        migrations.AlterField(
            model_name="historicalengagement",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="الثقة"),
        ),
        migrations.AddField(
            model_name="evidence",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="ثقة المستخرِج"),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="ثقة المستخرِج"),
        ),
        migrations.AddField(
            model_name="evidence",
            name="cues",
            field=models.CharField(blank=True, default="", max_length=200, verbose_name="القرائن"),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="cues",
            field=models.CharField(blank=True, default="", max_length=200, verbose_name="القرائن"),
        ),
        migrations.RunPython(constant_default_clear, migrations.RunPython.noop),
    ]
