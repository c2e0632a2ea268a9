from django.db import migrations

from kaiserslautern_portal.search_sql import postgresql_only, trigger_sql

FORWARD, BACKWARD = trigger_sql(
    "news_newsitem",
    {"title_de": "A", "title_en": "A", "teaser_de": "B", "teaser_en": "B", "body_de": "C", "body_en": "C"},
)


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(postgresql_only(FORWARD), postgresql_only(BACKWARD))]
