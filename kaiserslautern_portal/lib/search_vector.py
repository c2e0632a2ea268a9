"""The full-text index column that PostgreSQL's triggers fill: searched in SQL, never read in Python."""

from django.db import models


class WithoutSearchVector(models.Manager):
    """Leaves `search_vector` out of every SELECT: several hundred bytes per row that no page, feed or API shows."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")
