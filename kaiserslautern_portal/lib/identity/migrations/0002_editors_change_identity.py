from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redaktion"
CODENAMES = ["change_siteidentity", "view_siteidentity"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("identity")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    Permission = apps.get_model("auth", "Permission")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="identity", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="identity"))


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0001_initial"),
        ("projects", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
