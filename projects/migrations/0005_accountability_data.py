from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import F
from django.utils import timezone

EDITORS = "Redaktion"
PERMISSIONS = {
    "indicator": ["add", "change", "delete", "view"],
    "indicatorvalue": ["add", "change", "delete", "view"],
    "datechange": ["view"],
}


def backfill(apps, schema_editor):
    """Today's plans become the baselines of existing projects and milestones; their last edit, the last update."""
    Project = apps.get_model("projects", "Project")
    Milestone = apps.get_model("projects", "Milestone")
    Project.objects.filter(baseline_end_date__isnull=True).update(baseline_end_date=F("planned_end_date"))
    Milestone.objects.filter(baseline_due_date__isnull=True).update(baseline_due_date=F("due_date"))
    for pk, updated in Project.objects.values_list("pk", "updated"):
        Project.objects.filter(pk=pk).update(last_update=timezone.localdate(updated))


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="projects", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="projects", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_accountability")]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
