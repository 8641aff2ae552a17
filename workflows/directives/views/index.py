"""*Nhiệm vụ được giao*: the tasks given to my agency, the documents whose tasks my unit gave,
and every follow-up I may see."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from coordination.organisation.selectors import capacities_remember

from .. import selectors
from ..forms import TaskChoiceForm

PAGE_SIZE = 50
TABS = (
    ("mine", gettext_lazy("Given to my agency")),
    ("given", gettext_lazy("Given by my unit")),
    ("followed", gettext_lazy("All I follow")),
)


def directive_index(request: HttpRequest) -> HttpResponse:
    capacities_remember(request.user)
    user = request.user
    lists = {
        "mine": selectors.assignments_addressed_to(user),
        "given": selectors.documents_managed_by(user),
        "followed": selectors.documents_followed_by(user),
    }
    tab = request.GET.get("tab") or ("mine" if lists["mine"].exists() else "given")
    if tab not in lists:
        tab = "mine"
    page = Paginator(lists[tab], PAGE_SIZE).get_page(request.GET.get("p"))
    if tab == "mine":
        page.object_list = selectors.with_positions(page.object_list)
    takes_tasks = selectors.documents_taking_tasks_from(user)
    context = {
        "tab": tab,
        "tabs": [(name, label, None) for name, label in TABS],
        "page": page,
        "choose_form": TaskChoiceForm(documents=takes_tasks) if takes_tasks.exists() else None,
    }
    return render(request, "directives/index.html", context)


def directive_choose(request: HttpRequest) -> HttpResponse:
    """The index's 'give tasks to' choice leads to that document's follow-up page."""
    capacities_remember(request.user)
    documents = selectors.documents_taking_tasks_from(request.user)
    form = TaskChoiceForm(request.GET, documents=documents)
    if not form.is_valid():
        return redirect("directives_index")
    return redirect("directives_document", pk=form.cleaned_data["document"].pk)
