# The import screen keeps an uploaded file, encrypted, between its steps.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import likeverd.core.clock
import likeverd.core.fields


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('setup', '0001_import_runs_and_imported_cases'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PendingUpload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('created_at', models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                ('updated_at', models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                ('file_name', models.CharField(max_length=120, verbose_name='file')),
                ('content', likeverd.core.fields.EncryptedTextField(blank=True, default='', purpose='setup.PendingUpload.content', verbose_name='content')),
                ('size', models.PositiveIntegerField(default=0)),
                ('mapping', models.JSONField(default=list)),
                ('version', models.PositiveIntegerField(default=1)),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.office')),
                ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'uploaded file waiting to be imported',
                'verbose_name_plural': 'uploaded files waiting to be imported',
                'ordering': ['-created_at', '-id'],
            },
        ),
    ]
