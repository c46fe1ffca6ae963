"""CaseEvent.kind takes the kinds apps register (likeverd.cases.registry): longer, no choices."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_caseevent_actor"),
    ]

    operations = [
        migrations.AlterField(
            model_name="caseevent",
            name="kind",
            field=models.CharField(max_length=64),
        ),
    ]
