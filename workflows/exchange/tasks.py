"""Background work of the exchange, run by the task worker."""

from django_tasks import task

from .models import STATE_OF_CODE, IncomingState
from .notices import status_notify_returned
from .status import status_notice_deliver


@task()
def status_notice_send(notice_pk: int) -> bool:
    """Deliver a status notice to the outgoing document it answers, when that document is in
    this system; the sender hears when their document was returned."""
    notice = status_notice_deliver(notice_pk=notice_pk)
    if notice is None:
        return False
    if STATE_OF_CODE[notice.status_code] == IncomingState.RETURNED:
        status_notify_returned(notice=notice)
    return True
