"""Staff forms for drafting and acting on documents."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Role, Unit

from .models import Document


class DocumentForm(forms.ModelForm):
    """A draft's content. ``revision`` carries the version the drafter saw, for stale checks."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Document
        fields = ["kind", "subject", "body", "addressees", "distribution", "urgency"]
        widgets = {
            "subject": forms.TextInput(attrs={"placeholder": _("e.g. Về việc ...")}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "addressees": forms.Textarea(attrs={"rows": 3}),
            "distribution": forms.Textarea(attrs={"rows": 3}),
        }


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


class DocumentActionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
