"""Counts of reports per address (a keyed hash, never the address) for the rate limit."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0004_web_report'),
    ]

    operations = [
        migrations.CreateModel(
            name='SubmissionCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=64, unique=True)),
                ('count', models.PositiveIntegerField(default=0)),
                ('expires_at', models.DateTimeField(db_index=True)),
            ],
        ),
    ]
