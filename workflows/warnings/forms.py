"""Staff forms of cost surveillance."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Facility

from .costfile import MAX_BYTES
from .models import FacilityResponse
from .quarters import Quarter
from .selectors import provinces_importable_by


class QuarterField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Quarter"))
        kwargs.setdefault("help_text", _("Year and quarter, e.g. 2023Q4."))
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "2023Q4", "size": 8}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Quarter:
        text = super().clean(value)
        try:
            return Quarter.parse(text)
        except ValueError as error:
            raise forms.ValidationError(_("Write the quarter as 2023Q4.")) from error


class _ProvinceForm(forms.Form):
    province = forms.ModelChoiceField(queryset=None, label=_("Province"))  # type: ignore[arg-type]
    quarter = QuarterField()

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = provinces_importable_by(user)
        self.fields["province"].queryset = provinces
        if len(provinces) == 1:
            self.fields["province"].initial = provinces[0]


class CostImportForm(_ProvinceForm):
    file = forms.FileField(
        label=_("Cost file"), help_text=_("CSV (UTF-8 or Windows-1258) or XLSX, at most 10 MB.")
    )
    replace = forms.BooleanField(
        label=_(
            "Replace the quarter's data if it was already imported (the previous version is kept)"
        ),
        required=False,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class RunCreateForm(_ProvinceForm):
    pass


class RunActionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RemoveFacilityForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=1000)


class AddFacilityForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    facility = forms.ModelChoiceField(queryset=Facility.objects.none(), label=_("Facility"))
    reason = forms.CharField(
        label=_("Reason, printed in the letter"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = candidates


class ResponseForm(forms.Form):
    response = forms.ChoiceField(label=_("Response"), choices=FacilityResponse.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)
