"""The full-text index column that PostgreSQL's triggers fill: searched in SQL, never read in Python."""

from django.db import models


class WithoutSearchVector(models.Manager):
    """Leaves `search_vector` out of the model's own querysets: several hundred bytes per row that no page, feed or
    API shows. A join through select_related does not go through this manager; the busy ones defer it themselves."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


class SearchVectorNotValidated:
    """Model mixin: validation leaves the index column alone, so validating a row read through WithoutSearchVector
    does not load it with a query of its own (and the trigger writes it anyway)."""

    def full_clean(self, exclude=None, **kwargs):
        super().full_clean(exclude={*(exclude or ()), "search_vector"}, **kwargs)
