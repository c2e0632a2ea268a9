from django.db import migrations

# The SQL is written out here, not imported: a migration must not change when live code does.
# A trigger keeps the full-text column current on every write path; German and English configurations.
FORWARD = """
CREATE FUNCTION news_newsitem_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := setweight(to_tsvector('german', coalesce(NEW.title_de, '')), 'A')
        || setweight(to_tsvector('english', coalesce(NEW.title_en, '')), 'A')
        || setweight(to_tsvector('german', coalesce(NEW.teaser_de, '')), 'B')
        || setweight(to_tsvector('english', coalesce(NEW.teaser_en, '')), 'B')
        || setweight(to_tsvector('german', coalesce(NEW.body_de, '')), 'C')
        || setweight(to_tsvector('english', coalesce(NEW.body_en, '')), 'C');
    RETURN NEW;
END $$;
CREATE TRIGGER news_newsitem_search_update BEFORE INSERT OR UPDATE ON news_newsitem
    FOR EACH ROW EXECUTE FUNCTION news_newsitem_search_update();
CREATE INDEX news_newsitem_search_gin ON news_newsitem USING gin (search_vector);
UPDATE news_newsitem SET id = id;
"""
BACKWARD = """
DROP INDEX IF EXISTS news_newsitem_search_gin;
DROP TRIGGER IF EXISTS news_newsitem_search_update ON news_newsitem;
DROP FUNCTION IF EXISTS news_newsitem_search_update();
"""


def postgresql_only(sql):
    """Full-text search is PostgreSQL's; SQLite (development) has no such column to fill."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(postgresql_only(FORWARD), postgresql_only(BACKWARD))]
