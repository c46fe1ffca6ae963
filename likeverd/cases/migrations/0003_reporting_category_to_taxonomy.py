"""ReportingCategory has moved to the taxonomy app (taxonomy 0003); its table is unchanged.

State only: Case.reporting_category now points at taxonomy.ReportingCategory (the same table,
so the column and its foreign-key constraint stay), and the model leaves the cases app's state.
Reversible.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_model_names_for_people"),
        ("taxonomy", "0003_reporting_category_from_cases"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="case",
                    name="reporting_category",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="cases", to="taxonomy.reportingcategory", verbose_name="area of society"),
                ),
                migrations.DeleteModel(name="ReportingCategory"),
            ],
            database_operations=[],
        ),
    ]
