"""The blind index carries each case's received date, so that a word's cases can be read
newest first straight from the index (see SearchToken and search.case_filter)."""

import django.db.models.deletion
from django.db import migrations, models

COPY_RECEIVED_AT = """
UPDATE cases_searchtoken SET received_at = (
    SELECT cases_case.received_at FROM cases_case WHERE cases_case.id = cases_searchtoken.case_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("cases", "0006_caseevent_kind_from_registry"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchtoken",
            name="case",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="search_tokens", to="cases.case"
            ),
        ),
        migrations.AddField(
            model_name="searchtoken",
            name="received_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunSQL(COPY_RECEIVED_AT, reverse_sql=migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="searchtoken",
            name="received_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="searchtoken",
            index=models.Index(
                fields=["office", "token", "-received_at", "-case"], name="searchtoken_word_newest_first"
            ),
        ),
    ]
