"""The full-text index of published practices, in the form each database supports.

SQLite: an FTS5 table. PostgreSQL: a tsvector table with a GIN index; instead of a foreign
key, triggers remove a practice's row when it is deleted or its table truncated, because
Django's test flush truncates catalogue_practice without CASCADE and PostgreSQL refuses that
while another table references it. Other databases get no index (search is not offered).
The DDL is written out here, not imported, so this migration never changes after the fact.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE library_practice_fts USING fts5("
    "title, tagline, taxonomy, body, tokenize = 'porter unicode61 remove_diacritics 2')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS library_practice_fts"]

POSTGRESQL_CREATE = [
    "CREATE TABLE library_practice_search "
    "(practice_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    # Documents stay in the table (compressed) rather than in TOAST: matching and ranking
    # skip a TOAST fetch per row, and the planner, seeing the table's real size, uses the GIN
    # index for selective searches instead of scanning (and decompressing) every document.
    "ALTER TABLE library_practice_search SET (toast_tuple_target = 8160)",
    "ALTER TABLE library_practice_search ALTER COLUMN document SET STORAGE MAIN",
    "CREATE INDEX library_practice_search_document ON library_practice_search USING gin (document)",
    """CREATE FUNCTION library_practice_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            DELETE FROM library_practice_search;
        ELSE
            DELETE FROM library_practice_search WHERE practice_id = OLD.id;
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER library_practice_search_on_delete AFTER DELETE ON catalogue_practice "
    "FOR EACH ROW EXECUTE FUNCTION library_practice_search_forget()",
    "CREATE TRIGGER library_practice_search_on_truncate AFTER TRUNCATE ON catalogue_practice "
    "FOR EACH STATEMENT EXECUTE FUNCTION library_practice_search_forget()",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS library_practice_search_on_truncate ON catalogue_practice",
    "DROP TRIGGER IF EXISTS library_practice_search_on_delete ON catalogue_practice",
    "DROP FUNCTION IF EXISTS library_practice_search_forget()",
    "DROP TABLE IF EXISTS library_practice_search",
]

DDL = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRESQL_CREATE, POSTGRESQL_DROP),
}


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement, params=None)


def create_index(apps, schema_editor):
    create, _ = DDL.get(schema_editor.connection.vendor, ([], []))
    _run(schema_editor, create)


def drop_index(apps, schema_editor):
    _, drop = DDL.get(schema_editor.connection.vendor, ([], []))
    _run(schema_editor, drop)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("catalogue", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
