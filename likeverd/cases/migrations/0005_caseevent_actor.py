"""Timeline entries name a reporter or system actor by kind and label (staff remain the author)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_incident_date_precision_week"),
    ]

    operations = [
        migrations.AddField(
            model_name="caseevent",
            name="actor_kind",
            field=models.CharField(
                blank=True,
                choices=[("staff", "staff member"), ("reporter", "reporter"), ("system", "system")],
                default="",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="caseevent",
            name="actor_label",
            field=models.CharField(blank=True, default="", max_length=150),
        ),
    ]
