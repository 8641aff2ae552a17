"""Load the organisation and the demo's people and documents. Running it twice changes nothing."""

import os
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from coordination import demo
from coordination.organisation.loading import organisation_load
from coordination.organisation.models import Agency, Membership, Role, Unit
from coordination.portal.publishing import portal_ensure_pages
from workflows.documents import services
from workflows.documents.models import Document

DEFAULT_PASSWORD = "demo-2026"  # noqa: S105 - the documented demo password


class Command(BaseCommand):
    help = "Load provinces, agencies and facilities, then the demo's people and documents."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = organisation_load()
        password = os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)
        with transaction.atomic():
            people = {person.username: _person_upsert(person, password) for person in demo.PEOPLE}
        portal_ensure_pages()
        recorded = sum(_recorded_upsert(spec, people) for spec in demo.RECORDED)
        drafted = sum(_draft_upsert(spec, people) for spec in demo.DRAFTS)
        self.stdout.write(
            f"Organisation: {counts.provinces} provinces, {counts.agencies} agencies, "
            f"{counts.units} units, {counts.facilities} health facilities."
        )
        self.stdout.write(
            f"Demo: {len(people)} people; {recorded} recorded and {drafted} new documents "
            f"({Document.objects.count()} in all)."
        )
        self.stdout.write(_logins_table(password))


def _person_upsert(person: demo.DemoPerson, password: str) -> Any:
    user, created = get_user_model().objects.get_or_create(
        username=person.username,
        defaults={
            "last_name": person.family_and_middle,
            "first_name": person.given,
            "email": f"{person.username}@demo.invalid",
            "is_superuser": Role.ADMINISTRATOR in person.roles,
            "is_staff": Role.ADMINISTRATOR in person.roles,
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(_staff_group())
    unit = Unit.objects.get(agency__code=person.agency, symbol=person.unit)
    for role in person.roles:
        Membership.objects.get_or_create(
            user=user,
            unit=unit,
            role=role,
            defaults={
                "position": person.position,
                "authority": person.authority,
                "principal_position": person.principal_position,
            },
        )
    return user


def _staff_group() -> Group:
    group, created = Group.objects.get_or_create(name=demo.STAFF_GROUP)
    if created:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    return group


def _recorded_upsert(spec: demo.RecordedDocument, people: dict[str, Any]) -> int:
    agency = Agency.objects.get(code=spec.agency)
    if Document.objects.filter(agency=agency, subject=spec.subject).exists():
        return 0
    clerk = Membership.objects.filter(unit__agency=agency, role=Role.CLERK).first()
    actor = clerk.user if clerk else people["admin"]
    with transaction.atomic():
        services.document_record_issued(
            actor=actor,
            unit=Unit.objects.get(agency=agency, symbol=spec.unit),
            kind=spec.kind,
            subject=spec.subject,
            body=spec.body,
            addressees=spec.addressees,
            number=spec.number,
            issued_on=spec.issued_on,
            signer_name=spec.signer,
            signer_position=spec.signer_position,
            signer_authority=spec.signer_authority,
        )
    return 1


def _draft_upsert(spec: demo.DraftDocument, people: dict[str, Any]) -> int:
    unit = Unit.objects.get(agency__code=spec.agency, symbol=spec.unit)
    if Document.objects.filter(agency=unit.agency, subject=spec.subject).exists():
        return 0
    drafter = people[spec.steps[0][0]] if spec.steps else people[f"{spec.agency}.drafter"]
    with transaction.atomic():
        document = services.document_create(
            actor=drafter,
            unit=unit,
            kind=spec.kind,
            subject=spec.subject,
            body=spec.body,
            addressees=spec.addressees,
        )
    for username, verb in spec.steps:
        service = getattr(services, f"document_{verb}")
        with transaction.atomic():
            document = service(
                document=document, actor=people[username], expected_revision=document.revision
            )
    return 1


def _logins_table(password: str) -> str:
    rows = [f"  {'username':<18} {'who':<22} {'role':<26} unit"]
    for person in demo.PEOPLE:
        roles = ", ".join(str(role.label) for role in person.roles)
        name = f"{person.family_and_middle} {person.given}"
        rows.append(
            f"  {person.username:<18} {name:<22} {roles:<26} {person.unit} – {person.agency}"
        )
    return "\nDemo logins (password: {}):\n{}".format(password, "\n".join(rows))
