"""Staff forms: giving and changing tasks, choosing addressees, reporting, the matrix filters
and the review's period."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, AgencyKind, Province, Unit
from workflows.documents.models import Document
from workflows.requests.forms import MultipleFileField

from .models import MAX_ATTACHMENTS, ProgressReport, TaskAssignment, TaskFrequency
from .regions import provinces_in, regions_all
from .rules import managing_units
from .selectors import task_periods
from .services import Addressee
from .standing import Standing

PROVINCIAL_KINDS = (
    (AgencyKind.PROVINCIAL_SOCIAL_SECURITY, _("Provincial Social Security offices")),
    (AgencyKind.PROVINCIAL_HEALTH, _("Provincial Departments of Health")),
)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _unit_label(unit: Unit) -> str:
    return f"{unit.agency.symbol} – {unit.name}"


class AddresseeFields(forms.Form):
    """Who gets the task: which provincial agencies in which provinces (all 63 in one tick, or
    whole regions, or some provinces), and central units."""

    provincial_kinds = forms.MultipleChoiceField(
        label=_("Provincial agencies"),
        choices=PROVINCIAL_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    all_provinces = forms.BooleanField(label=_("All provinces"), required=False)
    regions = forms.MultipleChoiceField(
        label=_("Whole regions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    provinces = forms.ModelMultipleChoiceField(
        label=_("Provinces"),
        queryset=Province.objects.filter(is_active=True).order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    central_units = forms.ModelMultipleChoiceField(
        label=_("Central units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regions"].choices = [(r.code, r.label) for r in regions_all()]
        count = Province.objects.filter(is_active=True).count()
        self.fields["all_provinces"].label = _("All %(n)d provinces") % {"n": count}
        units = self.fields["central_units"]
        units.queryset = (
            Unit.objects.filter(is_active=True, agency__kind=AgencyKind.CENTRAL)
            .exclude(pk__in=managing_units(document))
            .select_related("agency")
            .order_by("agency__name", "name")
        )
        units.label_from_instance = _unit_label

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kinds, codes = data.get("provincial_kinds"), self._province_codes(data)
        if codes and not kinds:
            self.add_error("provincial_kinds", _("Choose which agencies of those provinces."))
        if kinds and not codes:
            self.add_error("provinces", _("Choose the provinces, or all of them."))
        if not (kinds and codes) and not data.get("central_units"):
            raise forms.ValidationError(_("Choose at least one addressee."))
        return data

    @staticmethod
    def _province_codes(data: dict[str, Any]) -> set[str]:
        if data.get("all_provinces"):
            return set(Province.objects.filter(is_active=True).values_list("code", flat=True))
        codes = {p.code for p in data.get("provinces") or ()}
        for region in data.get("regions") or ():
            codes.update(provinces_in(region))
        return codes

    def addressees(self) -> list[Addressee]:
        data = self.cleaned_data
        agencies = Agency.objects.filter(
            is_active=True,
            kind__in=data.get("provincial_kinds") or (),
            province__code__in=self._province_codes(data),
        ).order_by("province__code", "kind")
        chosen = [Addressee(agency) for agency in agencies]
        return chosen + [Addressee(unit.agency, unit) for unit in data.get("central_units") or ()]


class TaskFields(forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=300)
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    due_on = forms.DateField(label=_("Due"), widget=DATE)
    measure_label = forms.CharField(
        label=_("Figure to report (optional)"),
        required=False,
        max_length=120,
        help_text=_("e.g. Số cơ sở đã rà soát; the percentage done is always asked."),
    )
    measure_unit = forms.CharField(
        label=_("Unit of the figure"), required=False, max_length=40, help_text=_("e.g. cơ sở")
    )


class TaskCreateForm(TaskFields, AddresseeFields):
    starts_on = forms.DateField(label=_("Starting on"), widget=DATE)
    frequency = forms.ChoiceField(label=_("Reporting"), choices=TaskFrequency.choices)
    field_order = ["title", "details", "starts_on", "due_on", "frequency"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()


class TaskEditForm(TaskFields):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class AddAddresseesForm(AddresseeFields):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    period = forms.TypedChoiceField(label=_("Reporting period"), coerce=int)
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 5}))
    percent_done = forms.IntegerField(
        label=_("Done (%)"), min_value=0, max_value=100, required=False
    )
    quantity = forms.DecimalField(
        label=_("Figure"),
        required=False,
        min_value=0,
        max_digits=16,
        decimal_places=2,
        localize=True,
    )
    marks_done = forms.BooleanField(label=_("The task is done"), required=False)
    corrects = forms.ModelChoiceField(
        label=_("Corrects an earlier report"),
        queryset=ProgressReport.objects.none(),
        required=False,
        help_text=_("A correction replaces that report for its period; the earlier one is kept."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to %(n)d files of at most 10 MB: PDF, Word, Excel, images, text or CSV.")
        % {"n": MAX_ATTACHMENTS},
    )

    def __init__(self, *args: Any, assignment: TaskAssignment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        task = assignment.task
        today = timezone.localdate()
        started = [p for p in task_periods(task) if p.starts_on <= today]
        self.fields["period"].choices = [(p.number, _period_choice(p)) for p in started]
        self.fields["corrects"].queryset = assignment.reports.order_by("-at", "-pk")
        self.fields["corrects"].label_from_instance = _report_label
        if task.measure_label:
            unit = f" ({task.measure_unit})" if task.measure_unit else ""
            self.fields["quantity"].label = f"{task.measure_label}{unit}"
        else:
            del self.fields["quantity"]


def _period_choice(period: Any) -> str:
    start, end = period.starts_on.strftime("%d/%m/%Y"), period.ends_on.strftime("%d/%m/%Y")
    return f"{period.label} ({start} – {end})"


def _report_label(report: ProgressReport) -> str:
    when = timezone.localtime(report.at).strftime("%d/%m/%Y %H:%M")
    return f"#{report.pk} · {when} · {report.text[:60]}"


class MatrixFilterForm(forms.Form):
    province = forms.ChoiceField(label=_("Province"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    standing = forms.ChoiceField(label=_("Status of the task"), required=False)

    def __init__(self, *args: Any, provinces: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["province"].choices = everything + provinces
        self.fields["region"].choices = everything + [(r.code, r.label) for r in regions_all()]
        self.fields["standing"].choices = everything + list(Standing.choices)


class ReviewForm(forms.Form):
    starts_on = forms.DateField(label=_("Starting on"), widget=DATE)
    ends_on = forms.DateField(label=_("Until"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["starts_on"].initial = date(today.year, 1, 1)
        self.fields["ends_on"].initial = date(today.year, 12, 31)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            raise forms.ValidationError(_("The review's period ends before it starts."))
        return data


class TaskChoiceForm(forms.Form):
    """On the index: which issued document of my unit to give tasks to."""

    document = forms.ModelChoiceField(label=_("Issued document"), queryset=Document.objects.none())

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents
        self.fields["document"].label_from_instance = _document_label


def _document_label(document: Document) -> str:
    return f"{document.number_symbol} – {document.subject[:100]}"
