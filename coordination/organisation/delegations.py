"""Delegating a role to a deputy for a date range (service, form and staff screen)."""

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Delegation, Membership, Role
from .names import person_name

DELEGABLE_ROLES = (Role.SIGNER, Role.UNIT_HEAD)


def delegation_create(
    *,
    principal: Any,
    membership: Membership,
    deputy: Any,
    deputy_position: str,
    starts_on: date,
    ends_on: date,
    reason: str = "",
) -> Delegation:
    """A signer or unit head hands their role to a colleague of the same agency while away."""
    if membership.user_id != principal.pk or membership.role not in DELEGABLE_ROLES:
        raise PermissionDenied(_("Only a signer or unit head delegates their own role."))
    if deputy.pk == principal.pk:
        raise ValidationError(_("Choose someone other than yourself."))
    if ends_on < starts_on:
        raise ValidationError(_("The delegation must end on or after its first day."))
    same_agency = Membership.objects.filter(
        user=deputy, unit__agency=membership.unit.agency_id, is_active=True
    )
    if not same_agency.exists():
        raise ValidationError(_("The deputy must work in the same agency."))
    return Delegation.objects.create(
        principal=principal,
        membership=membership,
        deputy=deputy,
        deputy_position=deputy_position,
        starts_on=starts_on,
        ends_on=ends_on,
        reason=reason,
    )


class DelegationForm(forms.Form):
    membership = forms.ModelChoiceField(
        label=gettext_lazy("Role to delegate"), queryset=Membership.objects.none()
    )
    deputy = forms.ModelChoiceField(
        label=gettext_lazy("Deputy"), queryset=get_user_model().objects.none()
    )
    deputy_position = forms.CharField(
        label=gettext_lazy("Deputy's position (printed after KT.)"), max_length=120
    )
    starts_on = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=200, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mine = Membership.objects.filter(user=user, is_active=True, role__in=DELEGABLE_ROLES)
        self.fields["membership"].queryset = mine.select_related("unit__agency")
        agencies = mine.values("unit__agency")
        colleagues = get_user_model().objects.filter(
            memberships__unit__agency__in=agencies, memberships__is_active=True, is_active=True
        )
        self.fields["deputy"].queryset = colleagues.exclude(pk=user.pk).distinct()
        self.fields["deputy"].label_from_instance = person_name


def delegation_index(request: HttpRequest) -> HttpResponse:
    form = DelegationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            delegation_create(principal=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as refusal:
            form.add_error(
                None, refusal.messages if isinstance(refusal, ValidationError) else str(refusal)
            )
        else:
            messages.success(request, _("The delegation was saved."))
            return redirect("delegation_index")
    today = timezone.localdate()
    delegations = (
        Delegation.objects.filter(Q(principal=request.user) | Q(deputy=request.user))
        .filter(ends_on__gte=today)
        .select_related("principal", "deputy", "membership__unit__agency")
        .order_by("starts_on")
    )
    context = {
        "form": form,
        "delegations": delegations,
        "may_delegate": form.fields["membership"].queryset.exists(),
    }
    return render(request, "organisation/delegations.html", context)
