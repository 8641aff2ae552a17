"""The public verification page printed as a QR code on every issued PDF: is this document
real, and is the file in my hands the issued one, unchanged?"""

import hashlib
from dataclasses import dataclass

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from reports.signing import SignatureCheck, pdf_signature_check
from reports.verification import issued_facts, issued_pdfs

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=_("A PDF file to check"))

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        data = upload.read()
        if not data.startswith(b"%PDF-"):
            raise forms.ValidationError(_("This file is not a PDF."))
        return data


@dataclass(frozen=True)
class UploadVerdict:
    identical: bool
    sha256: str
    signature: SignatureCheck


def verification_lookup(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip().upper()
    if code:
        return redirect("portal_verification", code=code)
    return render(request, "portal/verification_lookup.html")


def verification_page(request: HttpRequest, code: str) -> HttpResponse:
    issued = get_object_or_404(issued_pdfs(), verification_code=code.upper())
    form = UploadForm(request.POST or None, request.FILES or None)
    verdict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"]
        digest = hashlib.sha256(data).hexdigest()
        verdict = UploadVerdict(digest == issued.sha256, digest, pdf_signature_check(data))
    context = {"issued": issued, "facts": issued_facts(issued), "form": form, "verdict": verdict}
    return render(request, "portal/verification.html", context)
