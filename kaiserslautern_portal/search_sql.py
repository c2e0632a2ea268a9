"""PostgreSQL full-text search columns, kept current by a trigger so every write path is covered.

German fields are stemmed with the German configuration, English ones with the English one;
titles weigh most (A), teasers and summaries next (B), long texts least (C).
"""


def trigger_sql(table: str, weighted_fields: dict[str, str]) -> tuple[str, str]:
    parts = []
    for field, weight in weighted_fields.items():
        config = "english" if field.endswith("_en") else "german"
        parts.append(f"setweight(to_tsvector('{config}', coalesce(NEW.{field}, '')), '{weight}')")
    function = f"{table}_search_update"
    # Table and field names are constants of our migrations, never input.
    forward = f"""
        CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.search_vector := {" || ".join(parts)};
            RETURN NEW;
        END $$;
        CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {function}();
        CREATE INDEX {table}_search_gin ON {table} USING gin (search_vector);
        UPDATE {table} SET id = id;
    """  # noqa: S608
    backward = f"""
        DROP INDEX IF EXISTS {table}_search_gin;
        DROP TRIGGER IF EXISTS {function} ON {table};
        DROP FUNCTION IF EXISTS {function}();
    """
    return forward, backward


def postgresql_only(sql: str):
    """A RunPython callable that runs SQL on PostgreSQL and does nothing elsewhere (SQLite in development)."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run
