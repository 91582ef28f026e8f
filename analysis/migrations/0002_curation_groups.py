"""The two groups: `analyst` reads the dashboard, `curator` edits extracted facts in the admin.

Curators must also be staff (`is_staff`) to enter the admin; a group cannot grant that.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_MODELS = ("actor", "alias", "actortitle", "engagement", "participation", "evidence", "mention")
GROUPS = ("analyst", "curator")


def create_groups(apps, schema_editor):
    app_config = apps.get_app_config("analysis")
    # Permissions are normally made after `migrate` finishes; make them now so the groups get them.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="analysis")
    views = permissions.filter(codename__startswith="view_")
    edits = permissions.filter(
        codename__in=[f"{verb}_{model}" for verb in ("add", "change", "delete") for model in CURATED_MODELS]
    )

    analyst, _ = Group.objects.get_or_create(name="analyst")
    analyst.permissions.set(views)
    curator, _ = Group.objects.get_or_create(name="curator")
    curator.permissions.set(list(views) + list(edits))


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
