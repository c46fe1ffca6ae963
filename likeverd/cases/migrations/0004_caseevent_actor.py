"""Timeline entries name a reporter or system actor by kind and label (staff remain the author)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_reporting_category_to_taxonomy"),
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
