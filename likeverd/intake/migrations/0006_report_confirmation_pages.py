"""The short-lived confirmation page of a report, holding its receipt code until shown once."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import likeverd.core.clock
import likeverd.core.fields


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('intake', '0005_report_rate_limit_counts'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReportConfirmation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('created_at', models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                ('updated_at', models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                ('key', models.CharField(max_length=64, unique=True)),
                ('receipt_code', likeverd.core.fields.EncryptedTextField(blank=True, default='', purpose='intake.ReportConfirmation.receipt_code')),
                ('expires_at', models.DateTimeField(db_index=True)),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.office')),
            ],
            options={
                'abstract': False,
            },
        ),
    ]
