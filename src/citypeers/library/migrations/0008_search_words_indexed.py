"""PostgreSQL: the title and summary words indexed, and out of the row, so that a row is small.

Since 0007 a search ranked its matches by reading `title_words` and `summary_words` in each
matching row: at 100,000 practices a broad word read 12,700 heap blocks (99 MB of rows, mostly
those two columns) and tested two tsvectors per row, 160-260 ms. Now each of them has its GIN
index and goes out of line like the document, so a row is its id and three pointers (9 MB for
the table): a search reads its matches, its title matches and its summary matches each through
an index, and ranks them in the app (`library.search.postgres`): 10-50 ms for the same words.

The previous release reads the same columns and keeps working, slower for a broad word while
the deploy lasts (it reads the two columns out of line). The rows are rewritten in batches,
each its own transaction, and the indexes are built concurrently, so writes never wait for more
than one batch (docs/deployment.md). Each step can run again after a stop halfway (an index
left invalid by a stopped build is dropped and built again). The rows stay where the rewrite
put them, spread over the old table's pages, until `VACUUM FULL` packs them (docs/deployment.md).
SQLite (FTS5) is unchanged. The DDL is written out here so this migration never changes.
"""

from django.db import migrations

INDEXES = {
    "library_practice_search_title_words": "title_words",
    "library_practice_search_summary_words": "summary_words",
}
STORAGE = (
    "ALTER TABLE library_practice_search "
    "ALTER COLUMN title_words SET STORAGE {storage}, "
    "ALTER COLUMN summary_words SET STORAGE {storage}"
)
BATCH = 1000
# The trigger of 0007 fires on writes of `document` only: this one moves the two columns out
# of line without working them out again.
REWRITE_BATCH = (
    "UPDATE library_practice_search "
    "SET title_words = title_words, summary_words = summary_words WHERE practice_id IN "
    "(SELECT practice_id FROM library_practice_search WHERE practice_id > %s "
    "ORDER BY practice_id LIMIT %s) RETURNING practice_id"
)
INVALID_INDEX = (
    "SELECT 1 FROM pg_index JOIN pg_class ON pg_class.oid = pg_index.indexrelid "
    "WHERE pg_class.relname = %s AND NOT pg_index.indisvalid"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        # A change of storage is a moment's catalogue write, but under a lock that would queue
        # every search behind a long transaction: give up rather than wait (run it again).
        cursor.execute("SET lock_timeout = '5s'")
        cursor.execute(STORAGE.format(storage="EXTENDED"))
        cursor.execute("RESET lock_timeout")
        last = 0
        while True:
            cursor.execute(REWRITE_BATCH, [last, BATCH])
            rewritten = [row[0] for row in cursor.fetchall()]
            if not rewritten:
                break
            last = max(rewritten)
        for name, column in INDEXES.items():
            cursor.execute(INVALID_INDEX, [name])
            if cursor.fetchone():
                cursor.execute(f"DROP INDEX CONCURRENTLY {name}")
            cursor.execute(
                f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} "
                f"ON library_practice_search USING gin ({column})"
            )
        # The rows' old versions freed for reuse, and fresh statistics.
        cursor.execute("VACUUM ANALYZE library_practice_search")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
        cursor.execute("SET lock_timeout = '5s'")
        cursor.execute(STORAGE.format(storage="MAIN"))
        cursor.execute("RESET lock_timeout")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("library", "0007_search_words_by_place"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]
