from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency


class ApiClientForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.filter(is_active=True).order_by("kind", "name"),
        help_text=_("The agency whose system reads the API."),
    )
    name = forms.CharField(
        label=_("System"),
        max_length=200,
        help_text=_("What the token is for, e.g. “Document management system of the Ministry”."),
    )
