"""What a report from the public form says that the case has no place for."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import likeverd.core.clock
import likeverd.core.fields


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0010_case_suspected_spam'),
        ('intake', '0003_reporter_messages'),
    ]

    operations = [
        migrations.CreateModel(
            name='WebReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('created_at', models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                ('updated_at', models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                ('reporter_kind', models.CharField(blank=True, choices=[('myself', 'It happened to me'), ('someone_i_know', 'It happened to someone I know'), ('witness', 'I saw it happen'), ('patrol', 'I am a volunteer on patrol'), ('organisation', 'I report for an organisation')], max_length=16, verbose_name='who reported')),
                ('form_language', models.CharField(max_length=8, verbose_name='language of the form')),
                ('best_time', likeverd.core.fields.EncryptedTextField(blank=True, default='', purpose='intake.WebReport.best_time', verbose_name='best time to reach them')),
                ('consent_given_at', models.DateTimeField(verbose_name='consent given')),
                ('consent_version', models.CharField(max_length=16, verbose_name='version of the consent text')),
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='web_report', to='cases.case')),
            ],
            options={
                'verbose_name': 'report from the public form',
                'verbose_name_plural': 'reports from the public form',
            },
        ),
    ]
