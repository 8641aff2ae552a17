"""The answering unit head's form: the public question and answer, and the documents they
concern (those the request names, plus any other by its number)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..folding import fold
from ..models import DocumentEntry, DocumentPage


class FaqForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    question = forms.CharField(
        label=_("Question, as the public will read it"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Write it in general terms: no name, office, facility or card number."),
    )
    answer = forms.CharField(
        label=_("Answer, as the public will read it"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    pages = forms.ModelMultipleChoiceField(
        label=_("Documents it concerns"),
        queryset=DocumentPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_numbers = forms.CharField(
        label=_("Other documents, by number"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas, e.g. 25/CT-BYT, 3618/QĐ-BHXH"),
    )

    def __init__(self, *args: Any, suggested: QuerySet[DocumentPage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pages"].queryset = suggested
        self.fields["pages"].label_from_instance = _page_label

    def clean_other_numbers(self) -> list[DocumentPage]:
        numbers = [n.strip() for n in self.cleaned_data["other_numbers"].split(",") if n.strip()]
        found = []
        for number in numbers:
            entries = DocumentEntry.objects.filter(number_key=fold(number), page__live=True)
            entry = entries.select_related("page").first()
            if entry is None:
                raise forms.ValidationError(
                    _("No published document has the number %(number)s."), params={"number": number}
                )
            found.append(entry.page)
        return found

    def chosen_pages(self) -> list[DocumentPage]:
        chosen = list(self.cleaned_data["pages"]) + self.cleaned_data["other_numbers"]
        return list({page.pk: page for page in chosen}.values())


def _page_label(page: DocumentPage) -> str:
    return f"{page.number_symbol or '—'} – {page.subject or page.title}"[:160]


class FaqStateForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Why (optional)"), required=False, max_length=500)
