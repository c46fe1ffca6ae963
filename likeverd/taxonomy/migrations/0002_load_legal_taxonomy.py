"""Data only: load the legal taxonomy from likeverd/taxonomy/data/*.toml.

The files are read as they are when the migration runs. Later changes to the files reach an
existing installation through `likeverd loadtaxonomy` (or a new data migration like this one).
Reversing leaves the rows: cases may point at them, and re-applying is idempotent.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from likeverd.taxonomy.apply import apply_taxonomy
from likeverd.taxonomy.loader import load_all


def load_legal_taxonomy(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apply_taxonomy(
        load_all(),
        term_model=apps.get_model("taxonomy", "Term"),
        source_model=apps.get_model("taxonomy", "LegalSource"),
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load_legal_taxonomy, migrations.RunPython.noop, elidable=False)]
