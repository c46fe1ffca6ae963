from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def count_the_new_index(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """SQLite plans without statistics for a new index as if a table had ten rows: count the
    task table's indexes now, not at the next nightly `likeverd analyze` (0012 does the same)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=0")
        cursor.execute("ANALYZE cases_task")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0012_status_counts_read_the_spam_flag_from_the_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="task", name="task_assignee_open"),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                condition=models.Q(done_at__isnull=True),
                fields=["assignee", "due_date"],
                name="task_assignee_open_due",
            ),
        ),
        migrations.RunPython(count_the_new_index, migrations.RunPython.noop, elidable=True),
    ]
