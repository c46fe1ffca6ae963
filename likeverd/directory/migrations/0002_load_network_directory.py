"""Data only: load the network's help directory from likeverd/directory/data/*.toml.

The files are read as they are when the migration runs. Later changes to the files reach an
existing installation through `likeverd loaddirectory`. Reversing leaves the rows: referrals may
point at them, and re-applying is idempotent.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from likeverd.directory.seed import load_seed
from likeverd.directory.sync import apply_directory


def load_network_directory(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apply_directory(
        load_seed(),
        office_id=None,
        get_model=lambda name: apps.get_model("directory", name),
        update_need_labels=True,
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_directory_hsds_tables")]

    operations = [migrations.RunPython(load_network_directory, migrations.RunPython.noop, elidable=False)]
