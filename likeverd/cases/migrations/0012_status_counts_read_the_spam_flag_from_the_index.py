from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def count_the_new_index(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """SQLite plans without statistics for a new index as if an office had ten cases, and then
    walks an office's every case to find a few parties or tasks (likeverd/core/planner.py):
    count the case table's indexes now, not at the next nightly housekeeping."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=0")
        cursor.execute("ANALYZE cases_case")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0011_open_cases_by_incident_date"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="case", name="case_office_status_received"),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["office", "status", "-received_at", "suspected_spam"], name="case_office_status_spam"
            ),
        ),
        migrations.RunPython(count_the_new_index, migrations.RunPython.noop, elidable=True),
    ]
