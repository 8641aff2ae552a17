"""On PostgreSQL, the folded text is searched through a stored tsvector with a GIN index (the
'simple' configuration: the folded words as they are, no stemming); the trigram index on the
whole text, which only LIKE used, goes. SQLite keeps LIKE over the folded text.

Only a live page has a search entry, so listings need no join to the pages: the entries of the
pages 0007 unpublished with a bulk update (no signal) are removed."""

from django.db import migrations

SEARCH_VECTOR = """
ALTER TABLE portal_documententry ADD COLUMN IF NOT EXISTS search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED;
CREATE INDEX IF NOT EXISTS portal_entry_search_vector ON portal_documententry
    USING gin (search_vector);
DROP INDEX IF EXISTS portal_entry_text_trgm;
"""

NO_SEARCH_VECTOR = """
DROP INDEX IF EXISTS portal_entry_search_vector;
ALTER TABLE portal_documententry DROP COLUMN IF EXISTS search_vector;
CREATE INDEX IF NOT EXISTS portal_entry_text_trgm ON portal_documententry
    USING gin (text gin_trgm_ops);
"""


def search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_VECTOR)


def no_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NO_SEARCH_VECTOR)


def drop_entries_of_pages_not_live(apps, schema_editor):
    DocumentEntry = apps.get_model("portal", "DocumentEntry")
    DocumentEntry.objects.filter(page__live=False).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_unpublish_confidential")]

    operations = [
        migrations.RunPython(drop_entries_of_pages_not_live, migrations.RunPython.noop),
        migrations.RunPython(search_vector, no_search_vector),
    ]
