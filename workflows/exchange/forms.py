"""Staff forms: registering a package, choosing a register, acting on an incoming document,
exporting an issued document."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency
from coordination.organisation.names import person_name

from .models import IncomingDocument
from .selectors import assignable_people, assignable_units, incoming_agencies_for


class ImportForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Receiving agency"), queryset=None, empty_label=None)
    package = forms.FileField(
        label=_("edXML package"),
        help_text=_("The .edxml or .xml file received, up to 30 MB (10 MB per attachment)."),
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class RegisterFilterForm(forms.Form):
    agency = forms.ChoiceField(label=_("Agency"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    q = forms.CharField(label=_("Number or subject contains"), required=False)

    def __init__(self, data: Any, *, user: Any) -> None:
        agencies = list(incoming_agencies_for(user))
        initial = {
            "agency": agencies[0].code if agencies else "",
            "year": timezone.localdate().year,
        }
        super().__init__({**initial, **{k: v for k, v in data.items() if v}})
        self.fields["agency"].choices = [(a.code, a.name) for a in agencies]
        self.agencies = {a.code: a for a in agencies}


class IncomingActionForm(forms.Form):
    """One action on an incoming document; ``revision`` carries what the actor saw."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea)
    unit = forms.ModelChoiceField(label=_("Assign to the unit"), queryset=None, required=False)
    assignee = forms.ModelChoiceField(
        label=_("To the person (optional)"), queryset=None, required=False
    )

    def __init__(self, *args: Any, incoming: IncomingDocument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = assignable_units(incoming.agency_id)
        self.fields["assignee"].queryset = assignable_people(incoming.agency_id)
        self.fields["assignee"].label_from_instance = person_name


class ExportForm(forms.Form):
    to = forms.ModelChoiceField(label=_("Send to"), queryset=Agency.objects.none())
    due_on = forms.DateField(
        label=_("Answer due (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, receivers: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to"]
        field.queryset = receivers
        field.label_from_instance = lambda agency: f"{agency.name} ({agency.edxml_code})"
