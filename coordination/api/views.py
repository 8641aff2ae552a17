"""The administrators' screens (inside the Wagtail admin): the client systems and their tokens,
issuing a token (shown once, on the answer to the form) and revoking one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from . import services
from .exceptions import ApiClientRefused
from .forms import ApiClientForm
from .models import ApiClient

PAGE_SIZE = 50


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def api_client_index(request: HttpRequest) -> HttpResponse:
    _require(request, "api.view_apiclient")
    clients = ApiClient.objects.select_related("agency", "created_by", "revoked_by")
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("p"))
    context = {
        "page": page,
        "may_issue": request.user.has_perm("api.add_apiclient"),
        "may_revoke": request.user.has_perm("api.change_apiclient"),
    }
    return render(request, "api/index.html", context)


def api_client_create(request: HttpRequest) -> HttpResponse:
    _require(request, "api.add_apiclient")
    form = ApiClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.api_client_create(
                agency=form.cleaned_data["agency"],
                name=form.cleaned_data["name"],
                actor=request.user,
            )
        except ApiClientRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            response = render(request, "api/token.html", {"issued": issued})
            add_never_cache_headers(response)
            return response
    return render(request, "api/form.html", {"form": form})


def api_client_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "api.change_apiclient")
    client = get_object_or_404(ApiClient.objects.select_related("agency"), pk=pk)
    if request.method != "POST":
        return render(request, "api/revoke.html", {"client": client})
    try:
        services.api_client_revoke(client=client, actor=request.user)
    except ApiClientRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("The token of “%(name)s” no longer works.") % {"name": client.name}
        )
    return redirect("api_clients")
