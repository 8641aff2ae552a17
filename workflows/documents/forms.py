"""Staff forms for drafting and acting on documents."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, AgencyKind, Role, Unit
from coordination.organisation.selectors import user_agencies

from .models import CommentVisibility, Document, DocumentKind, DocumentState, RelationKind
from .models.document import EDITABLE_FIELDS
from .models.states import ISSUED_STATES


class DocumentForm(forms.ModelForm):
    """A draft's content. ``revision`` carries the version the drafter saw, for stale checks."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Document
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "subject": forms.TextInput(attrs={"placeholder": _("e.g. Về việc ...")}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "addressees": forms.Textarea(attrs={"rows": 3}),
            "distribution": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency__kind=AgencyKind.CENTRAL).select_related("agency")
        if self.instance.pk:
            units = units.exclude(agency=self.instance.agency_id)
        self.fields["counterpart_unit"].queryset = units.order_by("agency__name", "name")
        self.fields["counterpart_unit"].label_from_instance = _unit_label

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unit = data.get("counterpart_unit")
        joint = data.get("is_joint") or data.get("kind") == DocumentKind.JOINT_CIRCULAR
        if joint and unit is None:
            self.add_error("counterpart_unit", _("A joint document needs the other agency's unit."))
        if data.get("is_joint") and data.get("kind") == DocumentKind.OFFICIAL_LETTER:
            self.add_error("is_joint", _("An official letter is issued by one agency."))
        drafting_agency = self._drafting_agency(data)
        if unit is not None and drafting_agency is not None and unit.agency_id == drafting_agency:
            self.add_error("counterpart_unit", _("Choose a unit of the other agency."))
        return data

    def _drafting_agency(self, data: dict[str, Any]) -> int | None:
        return self.instance.agency_id if self.instance.pk else None


def _unit_label(unit: Unit) -> str:
    return f"{unit.agency.symbol} – {unit.name}"


class DocumentCreateForm(DocumentForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Drafting unit"))

    class Meta(DocumentForm.Meta):
        fields = ["unit", *DocumentForm.Meta.fields]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(
            memberships__user=user, memberships__role=Role.DRAFTER, memberships__is_active=True
        ).select_related("agency")
        self.fields["unit"].queryset = units
        if len(units) == 1:
            self.fields["unit"].initial = units[0]

    def _drafting_agency(self, data: dict[str, Any]) -> int | None:
        unit = data.get("unit")
        return unit.agency_id if unit is not None else None


class DocumentActionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class InboxFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    agency = forms.ChoiceField(label=_("Agency"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    due = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", _("Any")), ("overdue", _("Overdue")), ("week", _("Due within 7 days"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(DocumentKind.choices)
        self.fields["state"].choices = everything + list(DocumentState.choices)
        central = Agency.objects.filter(kind=AgencyKind.CENTRAL).order_by("name")
        self.fields["agency"].choices = everything + [(a.code, a.symbol) for a in central]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
    visibility = forms.ChoiceField(
        label=_("Visible to"), choices=CommentVisibility.choices, required=False
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, document: Document, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if document.agency_id not in user_agencies(user) or document.counterpart_agency_id is None:
            del self.fields["visibility"]


class DeadlineForm(forms.Form):
    due_on = forms.DateField(label=_("Step due on"), widget=forms.DateInput(attrs={"type": "date"}))
    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Why"), required=False)


class RelationForm(forms.Form):
    """While drafting: the issued document this draft amends, supersedes, revokes or implements."""

    kind = forms.ChoiceField(label=_("This draft"), choices=RelationKind.choices)
    target = forms.ModelChoiceField(label=_("Issued document"), queryset=Document.objects.none())

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .selectors import documents_visible_to

        issued = documents_visible_to(user).filter(state__in=ISSUED_STATES).exclude(number=None)
        self.fields["target"].queryset = issued.order_by("-issued_on", "-pk")
        self.fields["target"].label_from_instance = _issued_label


def _issued_label(document: Document) -> str:
    return f"{document.number_symbol} – {document.subject[:80]}"
