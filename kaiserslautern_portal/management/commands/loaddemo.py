import datetime
import pathlib

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils import timezone

from kaiserslautern_portal.demo.loader import CONTENT, load_demo
from kaiserslautern_portal.demo.reports import load_reports
from projects.models import Project

DEMO_EDITOR = ("redaktion@example.org", "redaktion-demo-123")


class Command(BaseCommand):
    help = "Load the demo programme (idempotent) and, while developing, a demo editor account."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="Date the demo is written for.")
        parser.add_argument("--content", type=pathlib.Path, default=CONTENT, help="Folder of the demo content files.")

    def handle(self, *args, today=None, content=CONTENT, **options):
        counts = load_demo(today=today or timezone.localdate(), content=content)
        counts |= load_reports(today=today or timezone.localdate())
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
        if not settings.DEBUG:
            self.stdout.write("DJANGO_DEBUG=0: no demo account created; use createsuperuser.")
            return
        email, password = DEMO_EDITOR
        user, created = get_user_model().objects.get_or_create(email=email, defaults={"is_staff": True})
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name="Redaktion"))
        # allauth asks for a verified address before login; the demo editor's is verified here.
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        # Editors hear of their projects' overdue updates; the demo editor looks after all of them.
        user.edited_projects.set(Project.objects.all())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editor (group Redaktion): log in at http://127.0.0.1:8000/admin/ as {email} / {password}"
            )
        )
