"""Downloading an issued document as an edXML package ("Tải gói edXML" on its page)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from workflows.documents.selectors import documents_visible_to

from ..exceptions import ExchangeRefused
from ..export import document_export_edxml, exportable_receivers, package_file_name
from ..forms import ExportForm


def document_export(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(documents_visible_to(request.user), pk=pk)
    form = ExportForm(request.GET, receivers=exportable_receivers(document))
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.values()))
        return redirect("workflow_document", pk=pk)
    try:
        package = document_export_edxml(
            document=document,
            receivers=[form.cleaned_data["to"]],
            actor=request.user,
            due_on=form.cleaned_data["due_on"],
        )
    except ExchangeRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("workflow_document", pk=pk)
    response = HttpResponse(package, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{package_file_name(document)}"'
    return response
