"""Public downloads, province pages, the language switch, and the provincial readers' and
central staff's screens. Every view checks who may see what before it reads anything."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from coordination.organisation.models import Agency, Province
from workflows.documents.models import Document, PdfStatus
from workflows.documents.models.states import ISSUED_STATES
from workflows.requests.exceptions import RequestActionRefused

from . import dashboard, questions, receipts
from .listing import page_of_results
from .models import DocumentPage
from .search import document_search, live_entries

NEW_FOR_US_QUESTIONS = 10


def document_pdf_download(request: HttpRequest, pk: int) -> FileResponse:
    """The issued PDF, inline, named after the number ('01-bhxh-csyt.pdf'); 404 until ready."""
    document = get_object_or_404(Document, pk=pk, state__in=ISSUED_STATES)
    if document.pdf_status != PdfStatus.READY or not document.pdf:
        raise Http404("The PDF is not ready yet.")
    try:
        stream = document.pdf.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The PDF file is missing from storage.") from missing
    response = FileResponse(
        stream, content_type="application/pdf", filename=f"{document.file_stem}.pdf"
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def language_switch(request: HttpRequest, code: str) -> HttpResponse:
    """A plain link changes the interface language, so that public pages carry no form token
    and can be cached."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if translation.check_for_language(code):
        response.set_cookie("django_language", code, max_age=365 * 24 * 3600, samesite="Lax")
    return response


@require_GET
def province_index(request: HttpRequest) -> HttpResponse:
    provinces = Province.objects.filter(is_active=True).order_by("name")
    return render(request, "portal/provinces.html", {"provinces": provinces})


@require_GET
def province_page(request: HttpRequest, code: str) -> HttpResponse:
    """What concerns one province: documents addressed to it or issued by its offices."""
    province = get_object_or_404(Province, code=code, is_active=True)
    today = timezone.localdate()
    entries = document_search(filters={}, today=today, province=province)
    documents = page_of_results(entries, request.GET.get("p"), today=today)
    context = {"province": province, "documents": documents}
    return render(request, "portal/province.html", context)


def _login_first(request: HttpRequest) -> HttpResponse | None:
    if request.user.is_authenticated:
        return None
    return redirect_to_login(request.get_full_path())


@require_GET
def reader_new(request: HttpRequest) -> HttpResponse:
    """'New for us': what the reader's office has not acknowledged yet, newest first, and the
    office's latest questions with their state."""
    if denied := _login_first(request):
        return denied
    agency = receipts.provincial_agency_of(request.user)
    if agency is None:
        raise PermissionDenied
    today = timezone.localdate()
    entries = (
        live_entries()
        .filter(page_id__in=receipts.pages_for_agency(agency).values("pk"))
        .exclude(page__acknowledgements__agency=agency)
        .order_by("-page__first_published_at", "-page_id")
    )
    documents = page_of_results(entries, request.GET.get("p"), today=today)
    asked = list(questions.office_questions(agency)[:NEW_FOR_US_QUESTIONS])
    context = {"agency": agency, "documents": documents, "questions": asked}
    return render(request, "portal/reader_new.html", context)


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    if denied := _login_first(request):
        return denied
    page = get_object_or_404(DocumentPage.objects.live(), pk=pk)
    receipts.acknowledgement_create(page=page, actor=request.user)
    messages.success(request, _("Receipt acknowledged."))
    return redirect(page.url)


@require_POST
def question_ask(request: HttpRequest, pk: int) -> HttpResponse:
    """A provincial reader's question, sent to the unit that answers for the document as a
    coordination request; refusals other than 'not a provincial reader' come back as messages."""
    if denied := _login_first(request):
        return denied
    page = get_object_or_404(DocumentPage.objects.live(), pk=pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write your question (at most 2,000 characters)."))
        return redirect(page.url)
    try:
        question = questions.question_ask(
            page=page, actor=request.user, text=form.cleaned_data["text"]
        )
    except (questions.NoAnsweringUnit, questions.AskingOwnUnit, RequestActionRefused) as refusal:
        messages.error(request, str(getattr(refusal, "message", refusal)))
        return redirect(page.url)
    messages.success(
        request,
        _("Your question was sent to %(unit)s as a coordination request.")
        % {"unit": question.request.unit.name},
    )
    return redirect(f"{page.url}#questions")


def _central_only(request: HttpRequest) -> HttpResponse | None:
    if denied := _login_first(request):
        return denied
    if not dashboard.user_is_central_staff(request.user):
        raise PermissionDenied
    return None


@require_GET
def receipts_dashboard(request: HttpRequest) -> HttpResponse:
    if denied := _central_only(request):
        return denied
    context: dict[str, Any] = {
        "documents": dashboard.document_receipts(),
        "overdue": dashboard.overdue_offices(),
        "deadline_days": dashboard.ACKNOWLEDGE_WITHIN.days,
    }
    return render(request, "portal/dashboard.html", context)


@require_GET
def receipts_document(request: HttpRequest, pk: int) -> HttpResponse:
    if denied := _central_only(request):
        return denied
    page = get_object_or_404(DocumentPage.objects.live(), pk=pk)
    context = {"page_obj": page, "lines": dashboard.document_receipt_lines(page=page)}
    return render(request, "portal/dashboard_document.html", context)


@require_GET
def receipts_office(request: HttpRequest, code: str) -> HttpResponse:
    if denied := _central_only(request):
        return denied
    agency = get_object_or_404(Agency, code=code, kind__in=receipts.PROVINCIAL_KINDS)
    context = {
        "agency": agency,
        "pages": dashboard.overdue_pages(agency=agency),
        "deadline_days": dashboard.ACKNOWLEDGE_WITHIN.days,
    }
    return render(request, "portal/dashboard_office.html", context)
