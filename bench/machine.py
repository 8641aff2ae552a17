"""How fast this machine's core is today, printed by every benchmark beside its figures: the
same machine kind has run the same code two to three times slower on one day than another, so a
figure is read against this one."""

import time

LOOP = 10_000_000


def reference_ms() -> float:
    """A fixed pure-Python loop of ten million additions, best of three, in ms."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(LOOP):
            total += number
        best = min(best, time.perf_counter() - started)
    return best * 1000


def print_reference() -> None:
    print(f"machine_reference_ms = {reference_ms():.0f} ms")
