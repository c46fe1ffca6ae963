"""PostgreSQL: statistics of the search index's tokens value by value.

A word's token is an equality lookup, and PostgreSQL estimates how many cases have it from the
column's statistics: the most common values it lists, and an average for all the others. With
the default hundred listed values, a rare name in an office's index (three cases) was taken for
an average word (2,459 cases at 100,000), and the case list's count then read the office's every
case to join them (40 ms where the token's three entries take 0.1). Ten thousand listed values
(PostgreSQL's largest) cover an office's common words and leave a low average for the rest.
ANALYZE then samples 3 million entries: seconds, at the nightly `likeverd analyze`."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TARGET = 10_000


def count_tokens_value_by_value(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE cases_searchtoken ALTER COLUMN token SET STATISTICS {TARGET}")
    schema_editor.execute("ANALYZE cases_searchtoken")


def back_to_the_default(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE cases_searchtoken ALTER COLUMN token SET STATISTICS -1")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0013_open_tasks_by_assignee_in_a_partial_index"),
    ]

    operations = [
        migrations.RunPython(count_tokens_value_by_value, back_to_the_default, elidable=False),
    ]
