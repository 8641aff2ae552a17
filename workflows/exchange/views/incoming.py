"""The staff screens of incoming documents (inside the Wagtail admin): registering a package,
a document's page with its files, timeline, status notices and the next steps."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination.organisation.selectors import capacities_remember
from workflows.refusals import refusal_page

from .. import selectors, services
from ..edxml.reader import LIMITS, package_size_check
from ..exceptions import ExchangeRefused, PackageRefused
from ..forms import ImportForm, IncomingActionForm
from ..models import IncomingDocument

DONE_MESSAGES = {
    "accept": gettext_lazy("The document was accepted; the sender is told."),
    "return_to_sender": gettext_lazy("The document was returned; the sender is told why."),
    "assign": gettext_lazy("The document was assigned."),
    "start": gettext_lazy("Processing started."),
    "complete": gettext_lazy("The document is completed."),
}
SERVICES = {
    "accept": services.incoming_accept,
    "return_to_sender": services.incoming_return,
    "start": services.incoming_start,
    "complete": services.incoming_complete,
}


def visible_incoming(request: HttpRequest, pk: int) -> IncomingDocument:
    return get_object_or_404(selectors.incoming_visible_to(request.user), pk=pk)


def incoming_import(request: HttpRequest) -> HttpResponse:
    """The clerk uploads a package; every problem is listed and nothing is stored."""
    capacities_remember(request.user)
    agencies = selectors.registering_agencies_for(request.user)
    if not agencies.exists():
        return render(request, "exchange/import.html", {"not_clerk": True}, status=403)
    form = ImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    problems: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            incoming = _import(request, form.cleaned_data)
        except PackageRefused as refusal:
            problems = refusal.problems
        except ExchangeRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("Registered as arrival number %(number)d.") % {"number": incoming.arrival_number},
            )
            return redirect("exchange_incoming", pk=incoming.pk)
    status = 400 if problems or form.errors else 200
    context = {"form": form, "problems": problems}
    return render(request, "exchange/import.html", context, status=status)


def _import(request: HttpRequest, data: dict[str, Any]) -> IncomingDocument:
    upload = data["package"]
    package_size_check(upload.size or 0, max_bytes=LIMITS.package_bytes)
    return services.incoming_import(raw=upload.read(), agency=data["agency"], actor=request.user)


def incoming_detail(request: HttpRequest, pk: int) -> HttpResponse:
    capacities_remember(request.user)
    incoming = visible_incoming(request, pk)
    return render(request, "exchange/detail.html", _detail_context(incoming, request.user))


@require_POST
def incoming_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in DONE_MESSAGES:
        raise Http404
    capacities_remember(request.user)
    incoming = visible_incoming(request, pk)
    form = IncomingActionForm(request.POST, incoming=incoming)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("exchange_incoming", pk=pk)
    try:
        _perform(incoming, request.user, action, form.cleaned_data)
    except ExchangeRefused as refusal:
        incoming.refresh_from_db()
        context = _detail_context(incoming, request.user)
        return refusal_page(request, "exchange/detail.html", context, refusal)
    messages.success(request, str(DONE_MESSAGES[action]))
    return redirect("exchange_incoming", pk=pk)


def incoming_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file of the package, to the receiving agency's staff, always as a download."""
    incoming = visible_incoming(request, pk)
    attachment = get_object_or_404(incoming.attachments, pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def incoming_package(request: HttpRequest, pk: int) -> FileResponse:
    """The package exactly as it was received."""
    incoming = visible_incoming(request, pk)
    name = f"{incoming.agency.code}-{incoming.year}-{incoming.arrival_number}.edxml"
    return FileResponse(
        incoming.package.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/xml",
    )


def status_notice_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A status notice's edXML, to the receiving and the sending agency's staff."""
    capacities_remember(request.user)
    notice = selectors.notice_visible_to(request.user, pk)
    if notice is None:
        raise Http404
    response = HttpResponse(bytes(notice.xml), content_type="application/xml")
    name = f"trang-thai-{notice.status_code}-{notice.incoming.arrival_number}.edxml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _perform(incoming: IncomingDocument, user: Any, action: str, data: dict[str, Any]) -> None:
    common = {"incoming": incoming, "actor": user, "expected_revision": data["revision"]}
    comment = data["comment"] or ""
    if action != "assign":
        SERVICES[action](**common, comment=comment)
        return
    if data["unit"] is None:
        raise ExchangeRefused(_("Choose the unit to assign it to."))
    services.incoming_assign(
        **common, unit=data["unit"], assignee=data["assignee"], comment=comment
    )


def _detail_context(incoming: IncomingDocument, user: Any) -> dict[str, Any]:
    """Everything the page shows, in a bounded number of queries."""
    actions = selectors.incoming_actions_for(incoming, user)
    return {
        "item": incoming,
        "actions": actions,
        "action_form": IncomingActionForm(
            initial={"revision": incoming.revision}, incoming=incoming
        ),
        "attachments": incoming.attachments.all(),
        "timeline": selectors.incoming_timeline(incoming),
        "notices": incoming.notices.all(),
        "today": timezone.localdate(),
    }
