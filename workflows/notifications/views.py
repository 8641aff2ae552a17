"""The signed-in person's notices, newest first; opening the page marks them read."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .models import Notification
from .services import notification_mark_read


def notification_index(request: HttpRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient=request.user)
    page = Paginator(notices, 50).get_page(request.GET.get("p"))
    unread = [n.pk for n in page.object_list if n.read_at is None]
    response = render(request, "notifications/index.html", {"page": page, "unread": unread})
    notification_mark_read(recipient=request.user, ids=unread)
    return response


@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    notification_mark_read(recipient=request.user)
    return redirect("notification_index")
