from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors write reports and errata; deleting a published report is for administrators only.
PERMISSIONS = {
    "programmereport": ["add", "change", "view"],
    "reporterratum": ["add", "change", "delete", "view"],
}


def codenames():
    return [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Redaktion")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="news", codename__in=codenames()))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Redaktion"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="news", codename__in=codenames()))


class Migration(migrations.Migration):
    dependencies = [("news", "0007_programme_reports"), ("news", "0003_editors_news_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
