"""Staff forms for raising and acting on coordination requests."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Unit
from coordination.organisation.names import person_name
from workflows.documents.models import Document, DocumentKind
from workflows.documents.models.states import ISSUED_STATES

from .models import CoordinationRequest
from .selectors import unit_members, units_of


def _unit_label(unit: Unit) -> str:
    return f"{unit.agency.symbol} – {unit.name}"


def _document_label(document: Document) -> str:
    return f"{document.number_symbol} – {document.subject[:100]}"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; cleans to a list (empty when none were chosen)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data]
        single = super().clean
        return [cleaned for cleaned in (single(f, initial) for f in files) if cleaned]


class RequestCreateForm(forms.ModelForm):
    unit = forms.ModelChoiceField(
        label=_("To the unit"),
        queryset=Unit.objects.filter(is_active=True, agency__is_active=True)
        .select_related("agency")
        .order_by("agency__kind", "agency__name", "name"),
    )
    due_on = forms.DateField(
        label=_("Answer due"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Leave empty for the usual time: 10 working days, 5 if urgent, 2 if very urgent."
        ),
    )

    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Up to 10 files of at most 10 MB each: PDF, Word, Excel, OpenDocument, images, "
            "text or CSV."
        ),
    )
    field_order = ["requester_unit", "unit", "subject", "description", "urgency", "due_on"]

    class Meta:
        model = CoordinationRequest
        fields = ["requester_unit", "subject", "description", "urgency", "due_on", "documents"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = self.fields["requester_unit"]
        own.queryset = units_of(user).order_by("name")
        own.label = _("From my unit")
        own.label_from_instance = _unit_label
        own.empty_label = None
        self.fields["unit"].label_from_instance = _unit_label
        documents = self.fields["documents"]
        documents.queryset = Document.objects.filter(
            state__in=ISSUED_STATES, confidentiality=""
        ).order_by("-issued_on", "-pk")
        documents.label_from_instance = _document_label
        documents.required = False


class RequestActionForm(forms.Form):
    """One action on a request. ``revision`` carries what the actor saw, for the stale check."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea)
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False)
    unit = forms.ModelChoiceField(label=_("Forward to"), queryset=None, required=False)

    def __init__(self, *args: Any, request: CoordinationRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = unit_members(request.unit)
        self.fields["assignee"].label_from_instance = person_name
        self.fields["unit"].queryset = (
            Unit.objects.filter(is_active=True)
            .exclude(pk__in=[request.unit_id, request.requester_unit_id])
            .select_related("agency")
            .order_by("agency__kind", "agency__name", "name")
        )
        self.fields["unit"].label_from_instance = _unit_label


class LinkDocumentForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    document = forms.ModelChoiceField(
        label=_("Issued document that answers it"),
        queryset=Document.objects.filter(state__in=ISSUED_STATES, confidentiality="").order_by(
            "-issued_on", "-pk"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].label_from_instance = _document_label


class DraftAnswerForm(forms.Form):
    """The document that will answer the chosen requests: what the drafter writes first. The
    requests travel as ``r`` (their keys) and ``rev-<key>`` (the revision the drafter saw)."""

    kind = forms.ChoiceField(
        label=_("Type"), choices=DocumentKind.choices, initial=DocumentKind.OFFICIAL_LETTER
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Về việc ...")}),
    )
    addressees = forms.CharField(
        label=_("Addressed to"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One recipient per line."),
    )
    body = forms.CharField(
        label=_("Body"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )


def draft_answer_initial(requests: list[CoordinationRequest]) -> dict[str, str]:
    """A subject when there is one request, and its requesting agencies as addressees."""
    agencies = dict.fromkeys(request.requester_unit.agency.name for request in requests)
    subject = requests[0].subject if len(requests) == 1 else ""
    return {"subject": subject, "addressees": "\n".join(agencies)}
