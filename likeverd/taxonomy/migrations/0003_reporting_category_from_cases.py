"""ReportingCategory moves from the cases app to taxonomy, keeping its table.

State only: the table `cases_reportingcategory` (and `cases_reportingcategory_areas`) stays as
it is, rows and foreign keys untouched. Paired with cases 0003, which drops the model from the
cases app's state and points Case.reporting_category here. The content type follows, so admin
log entries and permissions stay attached. Reversible.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import likeverd.core.clock


def move_content_type(apps, schema_editor, *, source="cases", target="taxonomy"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="reportingcategory").exists():
        ContentType.objects.filter(app_label=source, model="reportingcategory").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="taxonomy", target="cases")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("cases", "0002_model_names_for_people"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taxonomy", "0002_load_legal_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReportingCategory",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("created_at", models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                        ("updated_at", models.DateTimeField(default=likeverd.core.clock.now, editable=False)),
                        ("code", models.SlugField(max_length=40)),
                        ("label_nb", models.CharField(max_length=120, verbose_name="name (Norwegian)")),
                        ("label_sv", models.CharField(max_length=120, verbose_name="name (Swedish)")),
                        ("label_en", models.CharField(max_length=120, verbose_name="name (English)")),
                        ("sort_order", models.PositiveIntegerField(default=0)),
                        ("is_active", models.BooleanField(default=True, verbose_name="active")),
                        ("areas", models.ManyToManyField(blank=True, related_name="+", to="taxonomy.term", verbose_name="legal areas")),
                        ("office", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reporting_categories", to="accounts.office")),
                    ],
                    options={
                        "verbose_name": "reporting category",
                        "verbose_name_plural": "reporting categories",
                        "db_table": "cases_reportingcategory",
                        "ordering": ["sort_order", "code"],
                        "constraints": [
                            models.UniqueConstraint(fields=("office", "code"), name="category_code_per_office")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
