"""Confidential documents were given a public page when issued: take those pages off the portal
(unpublished, kept for the record) and make every cached public page stale."""

from django.db import migrations
from django.db.models import F


def unpublish_confidential(apps, schema_editor):
    DocumentPage = apps.get_model("portal", "DocumentPage")
    PortalGeneration = apps.get_model("portal", "PortalGeneration")
    pages = DocumentPage.objects.filter(live=True).exclude(source_document__confidentiality="")
    pages = pages.exclude(source_document__isnull=True)
    if pages.update(live=False, has_unpublished_changes=True):
        PortalGeneration.objects.filter(pk=1).update(number=F("number") + 1)


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_route_stored_questions")]

    operations = [migrations.RunPython(unpublish_confidential, migrations.RunPython.noop)]
