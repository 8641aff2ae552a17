"""The periodic review's HTML preview, from the same snapshot as its PDF."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from workflows.directives.views.access import followed_document

from ..documents import snapshot_html
from .report import review_snapshot


class PeriodForm(forms.Form):
    starts_on = forms.DateField()
    ends_on = forms.DateField()


def review_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The review over the dates asked (this year by default), as it will be printed."""
    document = followed_document(request, pk)
    today = timezone.localdate()
    data = request.POST or request.GET
    form = PeriodForm(
        data or {"starts_on": f"{today.year}-01-01", "ends_on": f"{today.year}-12-31"}
    )
    if not form.is_valid() or form.cleaned_data["ends_on"] < form.cleaned_data["starts_on"]:
        raise Http404("no such period")
    snapshot = review_snapshot(document, **form.cleaned_data)
    return HttpResponse(snapshot_html(snapshot, preview=True))
