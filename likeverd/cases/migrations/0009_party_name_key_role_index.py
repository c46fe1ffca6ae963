"""The conflict-of-interest lookup reads parties by name key and role: one index on both,
in place of the index on the name key alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_dashboard_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="party",
            name="name_key",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="party",
            index=models.Index(fields=["name_key", "role"], name="party_name_key_role"),
        ),
    ]
