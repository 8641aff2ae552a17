"""Reading documents: what a person may see, what waits for them, what changed."""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from coordination.organisation.models import Membership, Role
from coordination.organisation.selectors import Capacity, capacities_of, people_acting_in
from workflows.audit import changes_since
from workflows.machines import AvailableAction
from workflows.permissions import allowed

from . import rules
from .exceptions import DocumentActionRefused
from .models import (
    CommentVisibility,
    Document,
    DocumentComment,
    DocumentEvent,
    DocumentSignature,
    DocumentState,
)
from .models.states import ACTIVE_STATES, ISSUED_STATES, RETURNABLE_STATES, WITHDRAWABLE_STATES

RECENT_DAYS = 30
# The app that publishes issued documents (the portal) says where the public can read them:
# functions of a list of document keys returning {key: url}.
HOOK_DOCUMENT_PUBLIC_URLS = "document_public_urls"


_ACTIONS = (
    ("submit", DocumentState.DRAFTING, rules.check_submit, gettext_lazy("Send for review")),
    ("approve", DocumentState.INTERNAL_REVIEW, rules.check_approve, gettext_lazy("Approve")),
    (
        "appraise",
        DocumentState.LEGAL_APPRAISAL,
        rules.check_appraise,
        gettext_lazy("Appraised: lawful"),
    ),
    ("agree", DocumentState.COUNTERPART_REVIEW, rules.check_agree, None),
    ("sign", DocumentState.AWAITING_SIGNATURE, rules.check_sign, gettext_lazy("Sign")),
    ("sign", DocumentState.PARTLY_SIGNED, rules.check_sign, gettext_lazy("Sign")),
    ("issue", DocumentState.SIGNED, rules.check_issue, gettext_lazy("Issue and give a number")),
)
_SELF_REVIEW_STATES = (
    DocumentState.INTERNAL_REVIEW,
    DocumentState.LEGAL_APPRAISAL,
    DocumentState.COUNTERPART_REVIEW,
    DocumentState.AWAITING_SIGNATURE,
    DocumentState.PARTLY_SIGNED,
)


def documents_visible_to(user: Any) -> QuerySet[Document]:
    """Staff see their agency's drafts (confidential ones only within the drafting unit and for
    signers and clerks), drafts shared with them for counterpart review, and what is issued."""
    return Document.objects.filter(_visible(capacities_of(user))).select_related(*_RELATED)


def _visible(capacities: list[Capacity]) -> Q:
    agencies = {c.agency_id for c in capacities}
    units = {c.unit_id for c in capacities}
    trusted = {c.agency_id for c in capacities if c.role in (Role.SIGNER, Role.CLERK)}
    own = Q(agency_id__in=agencies) & (
        Q(confidentiality="") | Q(unit_id__in=units) | Q(agency_id__in=trusted)
    )
    shared = Q(counterpart_agency_id__in=agencies, shared_at__isnull=False)
    public = Q(state__in=ISSUED_STATES, confidentiality="")
    return own | shared | public


_RELATED = ("agency", "unit", "created_by", "assignee", "counterpart_unit", "counterpart_agency")


def _actionable(user: Any, capacities: list[Capacity]) -> Q:
    """Documents this person can move on now, by state and the roles they hold."""

    def ids(*roles: str, unit: bool = True) -> set[int]:
        return {c.unit_id if unit else c.agency_id for c in capacities if c.role in roles}

    lead_signed = _signed_by(OuterRef("agency_id"))
    partner_signed = _signed_by(OuterRef("counterpart_agency_id"))
    signers = ids(Role.SIGNER, unit=False)
    waiting = (
        Q(state=DocumentState.DRAFTING) & (Q(created_by=user) | Q(assignee=user))
        | Q(state=DocumentState.INTERNAL_REVIEW, unit_id__in=ids(Role.UNIT_HEAD))
        | Q(state=DocumentState.LEGAL_APPRAISAL, agency_id__in=ids(Role.LEGAL, unit=False))
        | Q(
            state=DocumentState.COUNTERPART_REVIEW,
            counterpart_unit_id__in=ids(Role.UNIT_HEAD, Role.REVIEWER),
        )
        | Q(state=DocumentState.AWAITING_SIGNATURE, agency_id__in=signers)
        | Q(
            state=DocumentState.AWAITING_SIGNATURE, is_joint=True, counterpart_agency_id__in=signers
        )
        | (Q(state=DocumentState.PARTLY_SIGNED, agency_id__in=signers) & ~lead_signed)
        | (
            Q(state=DocumentState.PARTLY_SIGNED, counterpart_agency_id__in=signers)
            & ~partner_signed
        )
        | Q(state=DocumentState.SIGNED, agency_id__in=ids(Role.CLERK, unit=False))
    )
    own_work = Q(created_by=user) | Q(last_edited_by=user)
    return waiting & ~(Q(state__in=_SELF_REVIEW_STATES) & own_work)


def _signed_by(agency: Any) -> Exists:
    return Exists(
        DocumentSignature.objects.filter(
            document=OuterRef("pk"), agency_id=agency, version__number=OuterRef("version_number")
        )
    )


def documents_waiting_for(user: Any) -> QuerySet[Document]:
    """What this person can move on now and nobody else has taken."""
    actionable = _actionable(user, capacities_of(user))
    return (
        Document.objects.filter(actionable & (Q(assignee__isnull=True) | Q(assignee=user)))
        .select_related(*_RELATED)
        .order_by("step_due_on", "pk")
    )


def documents_in_unit_queue(user: Any) -> QuerySet[Document]:
    """Steps of the person's units that nobody has taken yet."""
    actionable = _actionable(user, capacities_of(user))
    return (
        Document.objects.filter(actionable, assignee__isnull=True)
        .exclude(state=DocumentState.DRAFTING)
        .select_related(*_RELATED)
        .order_by("step_due_on", "pk")
    )


def documents_waiting_for_others(user: Any) -> QuerySet[Document]:
    """Documents the person drafted or acted on, now on someone else's desk."""
    involved = DocumentEvent.objects.filter(actor=user).values("document_id")
    mine = Q(created_by=user) | Q(pk__in=involved)
    waiting = _actionable(user, capacities_of(user)) & (Q(assignee__isnull=True) | Q(assignee=user))
    return (
        documents_visible_to(user)
        .filter(mine, state__in=ACTIVE_STATES)
        .exclude(waiting)
        .order_by("step_due_on", "pk")
    )


def documents_overdue(user: Any) -> QuerySet[Document]:
    today = timezone.localdate()
    return (
        documents_visible_to(user)
        .filter(state__in=ACTIVE_STATES, step_due_on__lt=today)
        .order_by("step_due_on", "pk")
    )


def documents_recently_done(user: Any) -> QuerySet[Document]:
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    return (
        documents_visible_to(user)
        .filter(events__actor=user, events__at__gte=since)
        .annotate(my_last_action=Max("events__at"))
        .order_by("-my_last_action", "-pk")
    )


def inbox_counts(user: Any) -> dict[str, int]:
    """How many documents each inbox tab holds, in one pass over the documents."""
    capacities = capacities_of(user)
    visible, actionable = _visible(capacities), _actionable(user, capacities)
    mine = actionable & (Q(assignee__isnull=True) | Q(assignee=user))
    acted = DocumentEvent.objects.filter(actor=user)
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    active = Q(state__in=ACTIVE_STATES)
    return Document.objects.filter(visible | actionable).aggregate(
        waiting=Count("pk", filter=mine),
        queue=Count(
            "pk", filter=actionable & Q(assignee__isnull=True) & ~Q(state=DocumentState.DRAFTING)
        ),
        others=Count(
            "pk",
            filter=visible
            & active
            & (Q(created_by=user) | Q(pk__in=acted.values("document_id")))
            & ~mine,
        ),
        overdue=Count("pk", filter=visible & active & Q(step_due_on__lt=timezone.localdate())),
        done=Count(
            "pk", filter=visible & Q(pk__in=acted.filter(at__gte=since).values("document_id"))
        ),
    )


def documents_filtered(documents: QuerySet[Document], params: Any) -> QuerySet[Document]:
    """The inbox's filters: type, agency, state, deadline ('overdue', 'week')."""
    if params.get("kind"):
        documents = documents.filter(kind=params["kind"])
    if params.get("agency"):
        documents = documents.filter(
            Q(agency__code=params["agency"]) | Q(counterpart_agency__code=params["agency"])
        )
    if params.get("state"):
        documents = documents.filter(state=params["state"])
    today = timezone.localdate()
    if params.get("due") == "overdue":
        documents = documents.filter(state__in=ACTIVE_STATES, step_due_on__lt=today)
    elif params.get("due") == "week":
        documents = documents.filter(
            state__in=ACTIVE_STATES, step_due_on__range=(today, today + timedelta(days=7))
        )
    return documents


def people_for_step(document: Document, *, unit_head: bool = False) -> list[Any]:
    """The people who can take the document's current step (or the drafting unit's heads),
    including deputies with a delegation running today."""
    scopes = (
        _step_scopes(document) if not unit_head else [Q(role=Role.UNIT_HEAD, unit=document.unit_id)]
    )
    if not scopes:
        return []
    scope = Q(pk__in=[])
    for part in scopes:
        scope |= part
    return list(people_acting_in(Membership.objects.filter(scope, is_active=True)))


def _step_scopes(document: Document) -> list[Q]:
    state = document.state
    if state == DocumentState.DRAFTING:
        return [Q(user_id=document.created_by_id, unit=document.unit_id)]
    if state == DocumentState.INTERNAL_REVIEW:
        return [Q(role=Role.UNIT_HEAD, unit=document.unit_id)]
    if state == DocumentState.LEGAL_APPRAISAL:
        return [Q(role=Role.LEGAL, unit__agency=document.agency_id)]
    if state == DocumentState.COUNTERPART_REVIEW:
        return [Q(role__in=(Role.UNIT_HEAD, Role.REVIEWER), unit=document.counterpart_unit_id)]
    if state in (DocumentState.AWAITING_SIGNATURE, DocumentState.PARTLY_SIGNED):
        agencies = [a.pk for a in rules.agencies_still_to_sign(document)]
        return [Q(role=Role.SIGNER, unit__agency__in=agencies)]
    if state == DocumentState.SIGNED:
        return [Q(role=Role.CLERK, unit__agency=document.agency_id)]
    return []


def user_may_draft(user: Any) -> bool:
    return any(c.role == Role.DRAFTER for c in capacities_of(user))


def document_actions_for(document: Document, user: Any) -> list[AvailableAction]:
    actions = [
        AvailableAction(name, str(label or _agree_label(document)))
        for name, state, check, label in _ACTIONS
        if document.state == state and _allowed(check, document, user)
    ]
    if document.state in RETURNABLE_STATES and _allowed(rules.check_return, document, user):
        actions.append(
            AvailableAction("return_to_drafter", _("Return to drafter"), True, is_primary=False)
        )
    if document.state in WITHDRAWABLE_STATES and _allowed(rules.check_withdraw, document, user):
        actions.append(AvailableAction("withdraw", _("Withdraw the draft"), True, is_primary=False))
    return actions


def _agree_label(document: Document) -> str:
    if document.is_joint:
        return _("Approve the content for both agencies")
    return _("Finish the review (comments given)")


def document_may_edit(document: Document, user: Any) -> bool:
    return document.state == DocumentState.DRAFTING and _allowed(rules.check_edit, document, user)


def document_may_set_deadline(document: Document, user: Any) -> bool:
    return document.state in ACTIVE_STATES and _allowed(rules.check_set_deadline, document, user)


def document_timeline(document: Document) -> QuerySet[DocumentEvent]:
    return document.events.select_related("actor").order_by("at", "pk")


def document_versions(document: Document) -> QuerySet[Any]:
    return document.versions.select_related("frozen_by").order_by("number")


def document_comments_for(document: Document, user: Any) -> QuerySet[DocumentComment]:
    """Every comment for the drafting agency; only shared ones for the counterpart."""
    comments = document.comments.select_related("author", "version", "resolved_by")
    if document.agency_id in {c.agency_id for c in capacities_of(user)}:
        return comments
    return comments.filter(visibility=CommentVisibility.SHARED)


def document_changes_since(document: Document, revision: int) -> list[str]:
    return changes_since(document.events, revision, sentence=_("%(who)s %(what)s at %(when)s"))


def _allowed(check: rules.Check, document: Document, user: Any) -> bool:
    return allowed(check, document, user, refused=DocumentActionRefused)


def document_public_urls(pks: Iterable[int]) -> dict[int, str]:
    """The public page of each of these documents that has one, keyed by the document's key."""
    wanted = list(pks)
    urls: dict[int, str] = {}
    if wanted:
        for fn in hooks.get_hooks(HOOK_DOCUMENT_PUBLIC_URLS):
            urls.update(fn(wanted))
    return urls
