"""What every machine's services do alike with their rows: lock the row, compare the revision
the actor saw, refuse an action its state does not allow, write the audit row; and which steps
a row's page offers the person looking.

Each app declares its rows once (``REQUESTS = Machine(...)`` in its services) with its own
named refusals and their messages, so that what the actor reads stays the app's own."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django_fsm import can_proceed

from django.db import models
from django.utils.functional import Promise

from .permissions import Check, allowed
from .refusals import ActionRefused, ChangedSinceOpened

Row = TypeVar("Row", bound=models.Model)
Message = str | Promise


@dataclass(frozen=True)
class Machine(Generic[Row]):
    """How the services of one machine lock, check and record its rows.

    ``changed`` is the app's refusal of a stale form: it is given ``changed_message`` and what
    ``changes_since`` says changed (nothing, where the app does not tell). ``wrong_state`` is
    the app's refusal of an action the row's state does not allow (for ``check_state``); its
    message names the state. ``unmet`` says why a transition's conditions refuse the row (a
    draft without a subject), where the machine's transitions have conditions.

    A step is checked twice: on the row as the actor saw it, to refuse at once without waiting
    for the lock (``check_step``), and on the row locked, as it is now (``lock_for_step``)."""

    model: type[Row]
    related: tuple[str, ...]
    changed: type[ChangedSinceOpened]
    changed_message: Message
    changes_since: Callable[[Row, int], list[str]] | None
    wrong_state: type[ActionRefused] | None = None
    wrong_state_message: Message = ""
    unmet: Callable[[Row], ActionRefused] | None = None

    def lock(self, row: Row, expected_revision: int) -> Row:
        """The row read again and locked until the transaction ends (the row only, not those it
        joins); refused if it changed since the actor saw it."""
        locked = (
            self.model._default_manager.select_for_update(of=("self",))
            .select_related(*self.related)
            .get(pk=row.pk)
        )
        self.check_fresh(locked, expected_revision)
        return locked

    def check_step(
        self, row: Row, name: str | None, *, actor: Any, expected_revision: int, check: Check
    ) -> None:
        """The row is as the actor saw it, its state allows the transition ``name`` (``None``:
        a change that keeps the state) and the rule ``check`` lets the actor take it."""
        self.check_fresh(row, expected_revision)
        if name is not None:
            self.check_state(row, name)
        check(row, actor)

    def lock_for_step(
        self, row: Row, name: str | None, *, actor: Any, expected_revision: int, check: Check
    ) -> Row:
        """The row locked, and the step checked again on it as it is now."""
        locked = self.lock(row, expected_revision)
        if name is not None:
            self.check_state(locked, name)
        check(locked, actor)
        return locked

    def check_fresh(self, row: Any, expected_revision: int) -> None:
        """The actor acted on the revision they saw; anything newer means their form is stale."""
        if row.revision != expected_revision:
            told = self.changes_since(row, expected_revision) if self.changes_since else []
            raise self.changed(str(self.changed_message), changes=told)

    def check_state(self, row: Any, name: str) -> None:
        """The transition ``name`` may leave the row's present state (and its conditions hold,
        where the machine says why they may not)."""
        assert self.wrong_state is not None, f"{self.model.__name__} declares no wrong_state"
        transition = getattr(row, name)
        if not can_proceed(transition, check_conditions=False):
            state = row.get_state_display()
            raise self.wrong_state(str(self.wrong_state_message) % {"state": state})
        if self.unmet is not None and not can_proceed(transition):
            raise self.unmet(row)

    def record(
        self, row: Any, *, actor: Any, action: str, source: str, comment: str = "", **extra: Any
    ) -> Any:
        """The audit row of what ``actor`` just did: from ``source`` to the row's state now, at
        the revision it now has. ``extra`` fills the app's own columns (the unit, the person)."""
        return row.events.create(
            action=action,
            source_state=source,
            target_state=row.state,
            actor=actor,
            comment=comment,
            revision=row.revision,
            **extra,
        )


@dataclass(frozen=True)
class AvailableAction:
    """A step a row's page offers the person looking: the transition's name, the button's
    label, whether the step needs a text (a reason, an answer) and whether it is the main way
    on (a secondary one is drawn as such)."""

    name: str
    label: str
    needs_text: bool = False
    is_primary: bool = True


# (transition, the rule that checks the person, label, needs a text, is the main way on)
Step = tuple[str, Check, Message, bool, bool]


def actions_open_to(
    row: Any, user: Any, steps: tuple[Step, ...], *, refused: type[Exception]
) -> list[AvailableAction]:
    """The ``steps`` the row's state allows and the person may take, in the order given."""
    return [
        AvailableAction(name, str(label), needs_text, is_primary)
        for name, check, label, needs_text, is_primary in steps
        if can_proceed(getattr(row, name), check_conditions=False)
        and allowed(check, row, user, refused=refused)
    ]
