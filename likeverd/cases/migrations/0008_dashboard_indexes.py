"""Indexes that fit the dashboard's boxes: counts and new cases by status, "my open cases"
most recently changed first, and open tasks soonest due first."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_search_index_in_date_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="case",
            name="case_office_status",
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["office", "status", "-received_at"], name="case_office_status_received"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["assigned_to", "-updated_at"],
                name="case_assignee_open_updated",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                condition=models.Q(("done_at__isnull", True)), fields=["due_date", "case"], name="task_open_due"
            ),
        ),
    ]
