"""An index for the dashboard's deadline warnings: the office's open cases by the incident's
earliest day, so that only cases whose deadlines may still run are read."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_case_suspected_spam"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["office", "incident_date_from"],
                name="case_open_incident",
            ),
        ),
    ]
