"""Data only: load the criminal-track forms (hate speech, criminal discrimination, other offence
with a bias motive) added to likeverd/taxonomy/data/no.toml and se.toml, so that existing
installations get them; a new installation already has them from 0002. The OSCE/ODIHR hate-crime
table (likeverd/statistics/data/odihr.toml) counts only the bias-motivated offences.

Re-applying the data files is idempotent; reversing leaves the rows (cases may point at them).
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from likeverd.taxonomy.apply import apply_taxonomy
from likeverd.taxonomy.loader import load_all


def load_criminal_track_forms(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apply_taxonomy(
        load_all(),
        term_model=apps.get_model("taxonomy", "Term"),
        source_model=apps.get_model("taxonomy", "LegalSource"),
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_reporting_category_from_cases")]

    operations = [migrations.RunPython(load_criminal_track_forms, migrations.RunPython.noop, elidable=False)]
