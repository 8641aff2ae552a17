"""Staff forms for drafting and acting on documents."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import AgencyKind, Role, Unit

from .models import Document, DocumentKind


class DocumentForm(forms.ModelForm):
    """A draft's content. ``revision`` carries the version the drafter saw, for stale checks."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Document
        fields = [
            "kind",
            "subject",
            "body",
            "addressees",
            "distribution",
            "urgency",
            "confidentiality",
            "counterpart_unit",
            "is_joint",
        ]
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
