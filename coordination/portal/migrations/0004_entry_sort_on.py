from django.db import migrations, models
from django.db.models import F


def fill_sort_on(apps, schema_editor):
    """The issue date, else the day the page was first published."""
    DocumentEntry = apps.get_model("portal", "DocumentEntry")
    DocumentEntry.objects.filter(issued_on__isnull=False).update(sort_on=F("issued_on"))
    for entry in DocumentEntry.objects.filter(issued_on__isnull=True).select_related("page"):
        published = entry.page.first_published_at
        entry.sort_on = published.date() if published else entry.in_force_from
        entry.save(update_fields=["sort_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_generation_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="documententry",
            name="sort_on",
            field=models.DateField(null=True, verbose_name="listed on", help_text="The issue date, else publication."),
        ),
        migrations.RunPython(fill_sort_on, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="documententry",
            name="sort_on",
            field=models.DateField(help_text="The issue date, else publication.", verbose_name="listed on"),
        ),
        migrations.AddIndex(
            model_name="documententry",
            index=models.Index(fields=["-sort_on", "-page"], name="portal_entry_newest"),
        ),
    ]
