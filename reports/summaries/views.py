"""The summary dashboard in the staff interface: the report's figures and charts on screen, a
province to look at, and the PDF printed by the worker."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination.organisation.models import Agency, AgencyKind, Province, Role
from coordination.organisation.selectors import capacities_of

from ..models import PrintStatus, SummaryPrint
from ..tasks import summary_render_pdf
from .report import summary_context

READERS = (Role.UNIT_HEAD, Role.SIGNER, Role.LEGAL, Role.VERIFICATION_OFFICER, Role.CLERK)


class ProvinceForm(forms.Form):
    province = forms.ModelChoiceField(
        label=gettext_lazy("Province"), queryset=Province.objects.none(), required=False
    )


def _provinces_for(request: HttpRequest) -> "list[Province] | None":
    """Central readers see every province; a province's staff only their own."""
    capacities = [c for c in capacities_of(request.user) if c.role in READERS]
    if not capacities:
        raise PermissionDenied(_("The summary is for unit heads, signers and verification staff."))
    agencies = Agency.objects.filter(pk__in={c.agency_id for c in capacities})
    if agencies.filter(kind=AgencyKind.CENTRAL).exists():
        return None
    return list(Province.objects.filter(agency__in=agencies).distinct())


def summary_dashboard(request: HttpRequest) -> HttpResponse:
    allowed = _provinces_for(request)
    queryset = (
        Province.objects.all()
        if allowed is None
        else Province.objects.filter(pk__in=[p.pk for p in allowed])
    )
    form = ProvinceForm(request.GET or None)
    form.fields["province"].queryset = queryset.order_by("name")
    province = form.cleaned_data["province"] if form.is_valid() else None
    if province is None and allowed:
        province = allowed[0]
    prints = SummaryPrint.objects.filter(province=province)[:3]
    context = {
        "form": form,
        "province": province,
        "prints": prints,
        **summary_context(province=province),
    }
    return render(request, "reports/summary_dashboard.html", context)


@require_POST
def summary_print(request: HttpRequest) -> HttpResponse:
    allowed = _provinces_for(request)
    province = None
    if request.POST.get("province"):
        province = get_object_or_404(Province, pk=request.POST["province"])
        if allowed is not None and province not in allowed:
            raise Http404
    job = SummaryPrint.objects.create(province=province, requested_by=request.user)
    summary_render_pdf.enqueue(job.pk)
    messages.success(request, _("The report is being printed; its PDF appears here shortly."))
    query = f"?province={province.pk}" if province else ""
    return redirect(reverse("reports_summary") + query)


def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(SummaryPrint, pk=pk, status=PrintStatus.READY)
    allowed = _provinces_for(request)
    if allowed is not None and job.province not in allowed:
        raise Http404
    return FileResponse(
        job.pdf.open("rb"), content_type="application/pdf", filename=job.pdf.name.rsplit("/", 1)[-1]
    )
