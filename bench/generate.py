"""Generate the benchmark's programme, measuring each page's queries.

Run by bench/run.py as `python -m bench.generate small PAGES` on an empty database (the demo-sized programme),
then as `python -m bench.generate large PAGES` to grow it to full scale.
"""

import datetime
import json
import random
import sys

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from citizens.models import Subscription  # noqa: E402
from news.models import NewsItem  # noqa: E402
from projects.models import FieldOfAction, Milestone, ProgressEntry, Project  # noqa: E402

random.seed(2017)
WORDS = [
    "Sensoren",
    "Schule",
    "Daten",
    "Plattform",
    "Verkehr",
    "Licht",
    "Netz",
    "Bürger",
    "Dienst",
    "Parken",
    "Energie",
    "Quartier",
    "Beteiligung",
    "Karte",
    "Kita",
    "Drohne",
    "Feuerwehr",
    "Mobilität",
    "Glasfaser",
    "Rathaus",
    "Tresor",
    "Konto",
    "Navi",
    "Dialog",
    "Wissen",
]
STATUSES = ["planned", "in_progress", "completed", "paused", "stopped"]


def words(n):
    return " ".join(random.choice(WORDS) for _ in range(n))


def make_fields():
    return FieldOfAction.objects.bulk_create(
        FieldOfAction(
            name_de=f"Handlungsfeld {n}", name_en=f"Field {n}", slug=f"feld-{n}", summary_de=words(12), order=n
        )
        for n in range(8)
    )


@transaction.atomic
def make_programme(fields, start, projects, milestones_each, news, subscribers):
    today = timezone.localdate()
    now = timezone.now()
    new_projects = Project.objects.bulk_create(
        Project(
            title_de=f"{words(3)} {n}",
            slug=f"projekt-{n}",
            summary_de=words(20),
            description_de=words(120),
            field=fields[n % len(fields)],
            status=(status := STATUSES[n % 5]),
            progress=100 if status == "completed" else n % 100,
            start_date=today - datetime.timedelta(days=900),
            actual_end_date=today if status == "completed" else None,
            planned_end_date=today + datetime.timedelta(days=n % 400),
            budget=10000 + n,
            responsible_office="Referat Digitalisierung und Innovation",
            is_published=True,
        )
        for n in range(start, start + projects)
    )
    Milestone.objects.bulk_create(
        (
            Milestone(
                project=p,
                title_de=words(4),
                due_date=today + datetime.timedelta(days=30 * m - 150),
                order=m,
                completed_on=today - datetime.timedelta(days=200) if m < 3 else None,
            )
            for p in new_projects
            for m in range(milestones_each)
        ),
        batch_size=5000,
    )
    ProgressEntry.objects.bulk_create(
        ProgressEntry(
            project=p,
            progress=min(p.progress, 30 * k),
            status=p.status,
            recorded_at=now - datetime.timedelta(days=300 - 100 * k),
        )
        for p in new_projects
        for k in range(3)
    )
    items = NewsItem.objects.bulk_create(
        (
            NewsItem(
                title_de=f"{words(5)} {start + n}",
                slug=f"meldung-{start + n}",
                teaser_de=words(25),
                body_de=words(200),
                status="published",
                published_at=now - datetime.timedelta(days=8, hours=n),  # older than the announce window
            )
            for n in range(news)
        ),
        batch_size=2000,
    )
    Through = NewsItem.projects.through
    Through.objects.bulk_create(
        (Through(newsitem=item, project=random.choice(new_projects)) for item in items), batch_size=5000
    )
    Subscription.objects.bulk_create(
        (
            Subscription(
                email=f"weekly-{start}-{n}@example.org",
                frequency="weekly",
                consent_text="Ja.",
                requested_at=now,
                confirmed_at=now,
            )
            for n in range(subscribers)
        ),
        batch_size=5000,
    )
    SubscriptionFields = Subscription.fields.through
    SubscriptionFields.objects.bulk_create(
        (
            SubscriptionFields(subscription=s, fieldofaction=fields[s.pk % len(fields)])
            for s in Subscription.objects.filter(email__startswith="weekly", fields__isnull=True)
        ),
        batch_size=5000,
    )


def query_counts(urls):
    client = Client(headers={"x-forwarded-proto": "https"}, HTTP_HOST="127.0.0.1")
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, secure=True)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(queries)
    return counts


def main():
    stage, urls = sys.argv[1], json.loads(sys.argv[2])
    if stage == "small":
        make_programme(make_fields(), 0, projects=20, milestones_each=10, news=20, subscribers=100)
        print(json.dumps({"queries": query_counts(urls)}))
        return
    random.seed(2018)
    fields = list(FieldOfAction.objects.order_by("order"))
    make_programme(fields, 20, projects=1980, milestones_each=10, news=9980, subscribers=39900)
    now = timezone.now()
    Subscription.objects.bulk_create(
        (
            Subscription(
                email=f"reader{n}@example.org", everything=True, consent_text="Ja.", requested_at=now, confirmed_at=now
            )
            for n in range(10000)
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does after a bulk load
    queries = query_counts(urls)
    sizes = {
        "projects": Project.objects.count(),
        "milestones": Milestone.objects.count(),
        "news": NewsItem.objects.count(),
        "subscribers": Subscription.objects.count(),
    }
    print(json.dumps({"queries": queries, "sizes": sizes}))


if __name__ == "__main__":
    main()
