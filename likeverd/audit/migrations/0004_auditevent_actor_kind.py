"""Audit events name the kind of actor (staff member, reporter, system) beside its label.

Additive: a nullable column without a default, which SQLite adds in place (a table rebuild would
drop the append-only trigger of 0002); PostgreSQL adds it without touching the rows either.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_office_administration_actions"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="actor_kind",
            field=models.CharField(
                blank=True,
                choices=[("staff", "staff member"), ("reporter", "reporter"), ("system", "system")],
                max_length=16,
                null=True,
            ),
        ),
    ]
