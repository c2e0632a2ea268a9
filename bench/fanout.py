"""Publish one progress report to the immediate subscribers and run the sweep, as beat would.

`python -m bench.fanout N`: first limits the immediate subscribers to N (the others become weekly).
"""

import sys

import django

django.setup()

from django.utils import timezone  # noqa: E402

from citizens.models import Subscription  # noqa: E402
from citizens.notifications import notifications_sweep  # noqa: E402
from news.models import NewsItem  # noqa: E402
from projects.models import Project  # noqa: E402


def main():
    recipients = int(sys.argv[1])
    readers = Subscription.objects.filter(email__startswith="reader")
    readers.update(frequency="weekly")
    keep = readers.order_by("pk").values_list("pk", flat=True)[:recipients]
    Subscription.objects.filter(pk__in=list(keep)).update(frequency="immediately")
    item = NewsItem.objects.create(
        title_de=f"Benchmark-Bericht an {recipients}",
        slug=f"benchmark-{recipients}-{timezone.now().timestamp():.0f}",
        teaser_de="Ein Fortschrittsbericht für die Messung.",
        status="published",
        published_at=timezone.now(),
    )
    item.projects.set([Project.objects.order_by("pk").first()])
    print(notifications_sweep())


if __name__ == "__main__":
    main()
