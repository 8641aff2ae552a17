"""A national quarterly warning run (a benchmark, not a test).

Generates cost data for 12,000 health facilities across the provinces, imports each province's
quarter through the real importer, runs the rules (one warning run per province), signs and
issues the runs, then lets the real task worker (manage.py db_worker) render the letters of
every flagged facility: once with one worker, once with two. Targets on a 2-core machine:
import + rules <= 15 s for 12,000 facilities; <= 80 ms per letter per worker; two workers
>= 1.7 x one.

Works on a scratch SQLite database in a temporary folder (or $DATABASE_URL, which it migrates
and fills: never point it at real data).

    .venv/bin/python bench/warning_run.py [--quick]
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's root in place of bench/, whose requests.py would hide the requests package.
sys.path[0] = str(ROOT)
SCRATCH = Path(tempfile.mkdtemp(prefix="warning-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'bench.sqlite3'}")
os.environ.setdefault("MEDIA_ROOT", str(SCRATCH / "media"))
os.environ["DEBUG"] = "false"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django_tasks_db.models import DBTaskResult  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402

from coordination.organisation.loading import organisation_load  # noqa: E402
from coordination.organisation.models import (  # noqa: E402
    Agency,
    AgencyKind,
    Facility,
    Membership,
    Province,
    Role,
    Unit,
)
from reports.warning_tasks import warning_run_render  # noqa: E402
from workflows.warnings import services  # noqa: E402
from workflows.warnings.columns import COLUMNS  # noqa: E402
from workflows.warnings.models import RenderStatus, WarningItem, WarningRun  # noqa: E402
from workflows.warnings.quarters import Quarter  # noqa: E402

QUARTER = Quarter(2023, 4)
LEVELS = (("provincial", 8, 1_200_000), ("district", 30, 420_000), ("commune", 0, 110_000))
RENDER_TASKS = ("warning_run_render", "warning_letters_render", "warning_run_assemble")
LEVEL_WORDS = {"provincial": "Tỉnh", "district": "Huyện", "commune": "Xã"}


def _facilities(total: int, provinces: int) -> dict[Province, list[Facility]]:
    provinces = list(Province.objects.filter(is_active=True).order_by("code")[:provinces])
    made = []
    for index, province in enumerate(provinces):
        share = total // len(provinces) + (index < total % len(provinces))
        for n in range(share):
            level = next((name for name, count, _c in LEVELS if n < count), "commune")
            made.append(
                Facility(
                    code=f"{province.code}{n + 1001:04d}",
                    name=f"Cơ sở khám bệnh, chữa bệnh số {n + 1} {province.name}",
                    level=level,
                    province=province,
                )
            )
    Facility.objects.bulk_create(made, batch_size=2000)
    by_province: dict[Province, list[Facility]] = {p: [] for p in provinces}
    for facility in made:
        by_province[facility.province].append(facility)
    return by_province


def _office_staff(province: Province) -> dict[str, object]:
    agency = Agency.objects.get(province=province, kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY)
    people = {}
    for role, unit_symbol, name in (
        (Role.VERIFICATION_OFFICER, "GĐBHYT", "verifier"),
        (Role.UNIT_HEAD, "GĐBHYT", "head"),
        (Role.SIGNER, "BGĐ", "signer"),
    ):
        user = get_user_model().objects.create(username=f"bench-{province.code}-{name}")
        unit = Unit.objects.get(agency=agency, symbol=unit_symbol)
        Membership.objects.create(user=user, unit=unit, role=role, position="Phó Giám đốc")
        people[name] = user
    return people


def _csv(facilities: list[Facility], period: Quarter, seed: int) -> bytes:
    rng = random.Random(seed)
    lines = [";".join(column.header for column in COLUMNS)]
    for facility in facilities:
        lines.append(";".join(str(value) for value in _row(facility, period, rng)))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _row(facility: Facility, period: Quarter, rng: random.Random) -> list:
    per_visit = next(cost for name, _n, cost in LEVELS if name == facility.level)
    base = random.Random(facility.code)
    visits = round(base.uniform(2_000, 30_000) * (1.03 if period == QUARTER else 1))
    per_visit *= base.uniform(0.85, 1.15) * (1 + rng.uniform(0.0, 0.05) * (period == QUARTER))
    roll = rng.random() if period == QUARTER else 1
    per_visit *= 1.25 if roll < 0.01 else 2.2 if roll < 0.015 else 1
    total = round(visits * per_visit, -3)
    paid = round(total * 0.85, -3)
    rejected = round(total * (0.05 if 0.015 <= roll < 0.02 else rng.uniform(0.001, 0.015)), -3)
    estimate = round(paid * 4 / (1.2 if 0.02 <= roll < 0.025 else rng.uniform(0.95, 1.04)), -6)
    outpatient = round(visits * 0.9)
    numbers = (outpatient, visits - outpatient, total, paid, rejected, estimate)
    formatted = (f"{n:,.0f}".replace(",", ".") for n in numbers)
    return [facility.code, facility.name, LEVEL_WORDS[facility.level], *formatted]


def _seed(province: Province, period: Quarter) -> int:
    """The same figures in every run of the benchmark (``hash`` of a string changes per process)."""
    return zlib.crc32(f"{province.code}-{period}".encode())


def _import(by_province: dict, period: Quarter) -> float:
    files = {p: _csv(f, period, _seed(p, period)) for p, f in by_province.items()}
    start = time.perf_counter()
    for province, content in files.items():
        services.cost_import_create(
            actor=None, province=province, period=period, content=content, source_name="x.csv"
        )
    return time.perf_counter() - start


def _runs(by_province: dict, staff: dict) -> tuple[float, list[WarningRun]]:
    start = time.perf_counter()
    runs = [
        services.warning_run_create(actor=staff[p]["verifier"], province=p, period=QUARTER)
        for p in by_province
    ]
    return time.perf_counter() - start, runs


def _issue(runs: list[WarningRun], staff: dict) -> None:
    """Signing queues the letters for the worker (the warning_run_issued hook)."""
    for run in runs:
        people = staff[run.province]
        if not run.items.exists():
            continue
        for verb, who in (("submit", "verifier"), ("approve", "head"), ("issue", "signer")):
            service = getattr(services, f"warning_run_{verb}")
            run = service(run=run, actor=people[who], expected_revision=run.revision)


def _workers(count: int) -> float:
    """Wall time for ``count`` workers to empty the queue (each exits when nothing is left)."""
    command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--batch"]
    command += ["--no-startup-delay", "--no-reload", "--interval", "0.1", "-v", "0"]
    start = time.perf_counter()
    workers = [subprocess.Popen(command, cwd=ROOT) for _ in range(count)]  # noqa: S603
    for worker in workers:
        worker.wait()
    wall = time.perf_counter() - start
    pending = WarningRun.objects.exclude(letters_total=0).exclude(render_status=RenderStatus.READY)
    if pending.exists():
        raise SystemExit(f"{pending.count()} runs not rendered: {pending.first().render_error}")
    return wall


def _render_busy_ms() -> float:
    """Time the worker spent in the letter and print-file tasks (not starting up, not polling)."""
    tasks = DBTaskResult.objects.filter(
        task_path__in=[f"reports.warning_tasks.{name}" for name in RENDER_TASKS],
        finished_at__isnull=False,
    )
    busy = sum((t.finished_at - t.started_at).total_seconds() for t in tasks)
    return busy * 1000


def _requeue() -> None:
    DBTaskResult.objects.all().delete()
    for run in WarningRun.objects.exclude(letters_total=0):
        WarningRun.objects.filter(pk=run.pk).update(render_status=RenderStatus.PENDING)
        warning_run_render.enqueue(run.pk)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--quick", action="store_true", help="2,000 facilities in 8 provinces, not 12,000 in 63"
    )
    total, provinces = (2_000, 8) if parser.parse_args().quick else (12_000, 63)
    call_command("migrate", verbosity=0)
    organisation_load()
    by_province = _facilities(total, provinces)
    staff = {province: _office_staff(province) for province in by_province}
    _import(by_province, QUARTER.same_quarter_last_year)
    import_s = _import(by_province, QUARTER)
    rules_s, runs = _runs(by_province, staff)
    _issue(runs, staff)
    letters = WarningItem.objects.filter(included=True).count()
    one = _workers(1)
    busy_ms = _render_busy_ms()
    _requeue()
    two = _workers(2)
    busy_two_ms = _render_busy_ms()
    peak = max(resource.getrusage(who).ru_maxrss for who in (0, -1)) / 1024
    facilities = sum(len(f) for f in by_province.values())
    print(f"facilities = {facilities} facilities")
    print(f"provinces = {len(by_province)} provinces")
    print(f"import_s = {import_s:.1f} s")
    print(f"rules_s = {rules_s:.1f} s")
    print(f"import_and_rules_s = {import_s + rules_s:.1f} s")
    print(f"letters = {letters} letters")
    print(f"ms_per_letter_per_worker = {busy_ms / letters:.1f} ms")
    print(f"letters_per_minute_per_worker = {letters * 60_000 / busy_ms:.0f} letters/min")
    print(f"ms_per_letter_per_worker_of_two = {busy_two_ms / letters:.1f} ms")
    print(f"wall_one_worker_s = {one:.1f} s")
    print(f"wall_two_workers_s = {two:.1f} s")
    print(f"speedup_two_workers = {one / two:.2f} x")
    print(f"peak_memory_mib = {peak:.0f} MiB")


if __name__ == "__main__":
    from bench.machine import print_reference

    main()
    print_reference()
