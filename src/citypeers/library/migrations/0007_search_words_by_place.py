"""PostgreSQL: where each word of a practice is, in two small columns read without the document.

`title_words` holds the document's title words (weight A), `summary_words` its title, tagline
and taxonomy words (weights A and B). A trigger derives both from `document` on every write, so
the previous release, which writes only `document`, keeps them right during a rolling deploy.

A search then finds its matches through the GIN index alone and ranks them by these columns
(`library.search.postgres`): the documents, which were stored in the table and made a broad
word read 450 MB at 100,000 practices, move out of it (into TOAST) and are read only to check
a quoted phrase. Each statement can run again (a non-atomic migration stopped halfway leaves
what it did). Rewriting every row fills the new columns and moves the documents: in batches,
each its own transaction (the migration is not atomic), so the old release's writes never wait
for more than one batch (docs/deployment.md). SQLite (FTS5) is unchanged. The DDL is written
out here so this migration never changes.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "ALTER TABLE library_practice_search "
    "ADD COLUMN IF NOT EXISTS title_words tsvector NOT NULL DEFAULT '', "
    "ADD COLUMN IF NOT EXISTS summary_words tsvector NOT NULL DEFAULT ''",
    # The documents go out of line as soon as a row passes 128 bytes; the two small columns
    # stay in the row (compressed if need be), where a ranking reads them cheaply.
    "ALTER TABLE library_practice_search "
    "ALTER COLUMN document SET STORAGE EXTENDED, "
    "ALTER COLUMN title_words SET STORAGE MAIN, "
    "ALTER COLUMN summary_words SET STORAGE MAIN",
    "ALTER TABLE library_practice_search SET (toast_tuple_target = 128)",
    """CREATE OR REPLACE FUNCTION library_practice_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.title_words := ts_filter(NEW.document, '{a}');
        NEW.summary_words := ts_filter(NEW.document, '{a,b}');
        RETURN NEW;
    END $$""",
    "DROP TRIGGER IF EXISTS library_practice_search_words ON library_practice_search",
    "CREATE TRIGGER library_practice_search_words BEFORE INSERT OR UPDATE OF document "
    "ON library_practice_search FOR EACH ROW EXECUTE FUNCTION library_practice_search_words()",
    "ANALYZE library_practice_search",
]
BATCH = 1000
REWRITE_BATCH = (
    "UPDATE library_practice_search SET document = document WHERE practice_id IN "
    "(SELECT practice_id FROM library_practice_search WHERE practice_id > %s "
    "ORDER BY practice_id LIMIT %s) RETURNING practice_id"
)
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS library_practice_search_words ON library_practice_search",
    "DROP FUNCTION IF EXISTS library_practice_search_words()",
    "ALTER TABLE library_practice_search DROP COLUMN title_words, DROP COLUMN summary_words",
    "ALTER TABLE library_practice_search SET (toast_tuple_target = 8160)",
    "ALTER TABLE library_practice_search ALTER COLUMN document SET STORAGE MAIN",
]


def _run(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement, params=None)


def forward(apps, schema_editor):
    _run(schema_editor, POSTGRESQL_FORWARD[:-1])
    if schema_editor.connection.vendor == "postgresql":
        last = 0
        while True:
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(REWRITE_BATCH, [last, BATCH])
                rewritten = [row[0] for row in cursor.fetchall()]
            if not rewritten:
                break
            last = max(rewritten)
    _run(schema_editor, POSTGRESQL_FORWARD[-1:])


def backward(apps, schema_editor):
    _run(schema_editor, POSTGRESQL_BACKWARD)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("library", "0006_card_changes"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]
