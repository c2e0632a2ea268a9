from django.core.management.base import BaseCommand

from projects.services import milestone_months_recount


class Command(BaseCommand):
    help = "Counts the start page's milestones per field and month anew from the milestones (see migration 0012)."

    def handle(self, *args, **options):
        rows = milestone_months_recount()
        self.stdout.write(f"{rows} rows of milestones per field and month counted anew.")
