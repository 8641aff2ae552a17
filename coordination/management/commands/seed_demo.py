"""Load the organisation and the demo's people and documents. Running it twice changes nothing."""

import os
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from coordination import demo
from coordination.api.demo import api_demo_seed
from coordination.organisation.loading import organisation_load
from coordination.organisation.models import Agency, Membership, Role, Unit
from coordination.portal.demo import portal_demo_seed
from coordination.portal.publishing import portal_ensure_pages
from reports.documents import document_store_pdf
from workflows.directives.demo import directives_demo_load
from workflows.documents import services
from workflows.documents.models import Document
from workflows.exchange.demo import exchange_demo_load
from workflows.requests.demo import requests_demo_load
from workflows.warnings.demo import warnings_demo_load

DEFAULT_PASSWORD = "demo-2026"  # noqa: S105 - the documented demo password

STEP_SERVICES = {
    "submit": services.document_submit,
    "approve": services.document_approve,
    "appraise": services.document_appraise,
    "agree": services.document_agree,
    "return": services.document_return,
    "sign": services.document_sign,
    "issue": services.document_issue,
}


class Command(BaseCommand):
    help = "Load provinces, agencies and facilities, then the demo's people and documents."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = organisation_load()
        password = os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)
        with transaction.atomic():
            staff = _staff_group()
            people = {
                p.username: _person_upsert(p, password=password, group=staff) for p in demo.PEOPLE
            }
        portal_ensure_pages()
        recorded = sum(_recorded_upsert(spec, people=people) for spec in demo.RECORDED)
        drafted = sum(_draft_upsert(spec, people=people) for spec in demo.DRAFTS)
        portal_demo_seed()
        self.stdout.write(
            f"Organisation: {counts.provinces} provinces, {counts.agencies} agencies, "
            f"{counts.units} units, {counts.facilities} health facilities."
        )
        self.stdout.write(
            f"Demo: {len(people)} people; {recorded} recorded and {drafted} new documents "
            f"({Document.objects.count()} in all)."
        )
        self.stdout.write(warnings_demo_load())
        self.stdout.write(exchange_demo_load(render_pdf=document_store_pdf))
        self.stdout.write(api_demo_seed())
        self.stdout.write(requests_demo_load())
        self.stdout.write(directives_demo_load())
        self.stdout.write(_logins_table(password))


def _person_upsert(person: demo.DemoPerson, *, password: str, group: Group) -> Any:
    """Names and roles follow ``demo.PEOPLE``; the password is set only when the user is new,
    so a demo user who changed it keeps theirs."""
    is_admin = Role.ADMINISTRATOR in person.roles
    user, created = get_user_model().objects.update_or_create(
        username=person.username,
        defaults={
            "last_name": person.family_and_middle,
            "first_name": person.given,
            "email": f"{person.username}@demo.invalid",
            "is_superuser": is_admin,
            "is_staff": is_admin,
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(group)
    unit = Unit.objects.get(agency__code=person.agency, symbol=person.unit)
    for role in person.roles:
        Membership.objects.update_or_create(
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
    """Every demo user may open the Wagtail admin, where staff work and readers acknowledge."""
    group, _created = Group.objects.get_or_create(name=demo.STAFF_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def _recorded_upsert(spec: demo.RecordedDocument, *, people: dict[str, Any]) -> int:
    agency = Agency.objects.get(code=spec.agency)
    if Document.objects.filter(agency=agency, subject=spec.subject).exists():
        return 0
    clerk = Membership.objects.filter(unit__agency=agency, role=Role.CLERK).order_by("pk").first()
    with transaction.atomic():
        services.document_record_issued(
            actor=clerk.user if clerk else people["admin"],
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


def _draft_upsert(spec: demo.DraftDocument, *, people: dict[str, Any]) -> int:
    unit = Unit.objects.get(agency__code=spec.agency, symbol=spec.unit)
    if Document.objects.filter(agency=unit.agency, subject=spec.subject).exists():
        return 0
    counterpart = (
        Unit.objects.get(agency__code=spec.counterpart[0], symbol=spec.counterpart[1])
        if spec.counterpart
        else None
    )
    with transaction.atomic():
        document = services.document_create(
            actor=people[f"{spec.agency}.drafter"],
            unit=unit,
            kind=spec.kind,
            subject=spec.subject,
            body=spec.body,
            addressees=spec.addressees,
            counterpart_unit=counterpart,
        )
    for username, verb, *text in spec.steps:
        with transaction.atomic():
            document = _step(document, people[username], verb, "".join(text))
    return 1


def _step(document: Document, actor: Any, verb: str, text: str) -> Document:
    """One demo step: a transition (with its reason when it needs one) or an edit that adds a
    paragraph."""
    revision = document.revision
    if verb == "edit":
        return services.document_update(
            document=document,
            actor=actor,
            expected_revision=revision,
            body=f"{document.body}\n{text}",
        )
    extra = {"comment": text} if text else {}
    return STEP_SERVICES[verb](document=document, actor=actor, expected_revision=revision, **extra)


def _logins_table(password: str) -> str:
    header = ("username", "name", "roles", "unit")
    rows = [header] + [
        (
            person.username,
            f"{person.family_and_middle} {person.given}",
            ", ".join(str(role.label) for role in person.roles),
            f"{person.unit} – {person.agency}",
        )
        for person in demo.PEOPLE
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return f"\nDemo logins (password: {password}):\n" + "\n".join(line.rstrip() for line in lines)
