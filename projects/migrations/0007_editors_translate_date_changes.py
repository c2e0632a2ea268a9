from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redaktion"


def grant(apps, schema_editor):
    # Editors add the English reason of a date change later; the admin lets them change that text only.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="projects", codename="change_datechange"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="projects", codename="change_datechange")
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0006_translated_texts")]

    operations = [migrations.RunPython(grant, revoke)]
