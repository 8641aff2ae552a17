"""Speed of the public portal (a benchmark, not a test).

Loads N published documents (10,000; 600 with --quick) into a database of its own, serves the
portal with gunicorn, drives it with a threaded HTTP load generator on this machine, and prints
p50/p95 of a document page, a listing page and a search (uncached, and the document page cached
for anonymous readers), then the SQL queries each kind of page costs on three different pages
(constant when min equals max). Targets on this 2-core machine with PostgreSQL: document page
p95 <= 50 ms, search p95 <= 150 ms, queries per page constant.

    .venv/bin/python bench/portal.py [--quick] [--database-url postgres://…/portalbench]
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# The project's root in place of bench/, whose requests.py would hide the requests package.
sys.path[0] = str(ROOT)

PORT = 8791
BATCH = 250
WORDS = (
    "bảo hiểm y tế",
    "giám định",
    "thanh toán chi phí",
    "khám bệnh, chữa bệnh",
    "cơ sở y tế tuyến huyện",
    "quỹ bảo hiểm y tế",
    "thuốc và vật tư y tế",
    "người tham gia",
    "dự toán chi",
    "trạm y tế xã",
    "hồ sơ đề nghị",
    "cổng tiếp nhận dữ liệu",
)
QUERIES = (
    "giam dinh",
    "thanh toan chi phi",
    "chi thi 25",
    "quy bao hiem y te",
    "tram y te xa",
    "4055/BHXH-CSYT",
    "25 CT BYT",
    "vat tu y te",
    "du toan chi nam 2023",
    "ho so de nghi thanh toan",
)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Speed of the public portal.")
    parser.add_argument("--quick", action="store_true", help="600 documents, fewer requests")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portalbench"
        ),
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument(
        "--concurrency", type=int, default=4, help="threads of the throughput run (latency: 1)"
    )
    return parser.parse_args()


ARGS = _arguments()
VAR_DIR = tempfile.mkdtemp(prefix="portal-bench-")
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "coordination.settings.dev",
    "DEBUG": "false",
    "DATABASE_URL": ARGS.database_url,
    "DATABASE_CONN_MAX_AGE": "60",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "VAR_DIR": VAR_DIR,
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENVIRONMENT)


def _create_database(database_url: str) -> None:
    parts = urlsplit(database_url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg

    name = parts.path.lstrip("/")
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute("select 1 from pg_database where datname = %s", [name])
        if not found.fetchone():
            connection.execute(f'create database "{name}"')


_create_database(ARGS.database_url)

import django  # noqa: E402

django.setup()

import requests  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from coordination.organisation.loading import organisation_load  # noqa: E402
from coordination.organisation.models import Person, Unit  # noqa: E402
from coordination.portal.models import DocumentIndexPage, DocumentPage  # noqa: E402
from coordination.portal.publishing import (  # noqa: E402
    document_entry_refresh,
    portal_ensure_pages,
)
from workflows.documents.models import (  # noqa: E402
    Document,
    DocumentKind,
    DocumentState,
    PdfStatus,
)


def _body(rng: random.Random, number: int) -> str:
    sentences = []
    for _ in range(rng.randint(6, 12)):
        first, second = rng.sample(WORDS, 2)
        year = rng.randint(2019, 2025)
        sentences.append(f"Về {first}, đề nghị các đơn vị thực hiện {second} năm {year}.")
    if number > 1 and rng.random() < 0.2:
        cited = rng.randint(1, number - 1)
        sentences.append(f"Thực hiện Công văn số {cited}/BHXH-CSYT của Bảo hiểm xã hội Việt Nam.")
    return "\n".join(sentences)


def _publish_one(number: int, rng: random.Random, units: list[Unit], author: Person) -> None:
    """An issued document and its live page and search entry, as the publishing service leaves
    them, without a page revision (there is nothing to roll back in a benchmark)."""
    unit = rng.choice(units)
    kind = rng.choice([DocumentKind.OFFICIAL_LETTER, DocumentKind.DIRECTIVE, DocumentKind.PLAN])
    year = rng.randint(2015, 2025)
    symbol = f"{number}/BHXH-CSYT" if unit.agency.code == "vss" else f"{number}/CT-BYT"
    document = Document.objects.create(
        kind=kind,
        subject=f"Về việc {rng.choice(WORDS)} và {rng.choice(WORDS)}",
        body=_body(rng, number),
        agency=unit.agency,
        unit=unit,
        created_by=author,
        last_edited_by=author,
        state=DocumentState.ISSUED,
        number=number,
        year=year,
        number_symbol=symbol,
        issued_on=date(year, rng.randint(1, 12), rng.randint(1, 28)),
        signer_name="Nguyễn Văn A",
        pdf_status=PdfStatus.READY,
        pdf=f"bench/{number}.pdf",
    )
    now = timezone.now()
    page = DocumentPage(
        title=f"{symbol} – {document.subject}"[:255],
        slug=f"bench-{number}",
        source_document=document,
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    DocumentIndexPage.objects.get().add_child(instance=page)
    document_entry_refresh(page=page)


def _load(total: int) -> tuple[int, float]:
    """Publish documents until there are ``total``; returns how many were added and the time."""
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    organisation_load()
    portal_ensure_pages()
    author, _created = Person.objects.get_or_create(username="bench.author")
    units = [Unit.objects.filter(agency__code=code).order_by("pk")[0] for code in ("vss", "moh")]
    have = DocumentPage.objects.count()
    rng = random.Random(have)
    for start in range(have + 1, total + 1, BATCH):
        with transaction.atomic():
            for number in range(start, min(start + BATCH, total + 1)):
                _publish_one(number, rng, units, author)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would leave them
    return max(0, total - have), time.perf_counter() - started


def _serve() -> subprocess.Popen:
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "coordination.wsgi",
        "-w",
        str(ARGS.workers),
        "-b",
        f"127.0.0.1:{PORT}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **ENVIRONMENT})  # noqa: S603
    for _ in range(100):
        try:
            requests.get(f"http://127.0.0.1:{PORT}/healthz", timeout=5)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def _measure(urls: list[str], *, threads: int = 1) -> tuple[float, float, float]:
    """p50 and p95 in ms over the URLs fetched by ``threads`` threads, and requests per second."""

    def fetch(url: str) -> float:
        started = time.perf_counter()
        response = requests.get(f"http://127.0.0.1:{PORT}{url}", timeout=30)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return elapsed

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        timings = sorted(pool.map(fetch, urls))
    rate = len(urls) / (time.perf_counter() - started)
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], rate


def _scenarios(total: int, requests_each: int) -> dict[str, Callable[[int], str]]:
    rng = random.Random(7)
    slugs = list(DocumentPage.objects.values_list("slug", flat=True))
    hot = rng.sample(slugs, 20)
    pages = max(1, total // 20)
    return {
        "document_page": lambda i: f"/van-ban/{rng.choice(slugs)}/?r={i}",
        "document_page_cached": lambda i: f"/van-ban/{hot[i % len(hot)]}/",
        "listing": lambda i: f"/van-ban/?p={rng.randint(1, pages)}&r={i}",
        "listing_filtered": lambda i: (
            f"/van-ban/?kind=directive&year={rng.randint(2015, 2025)}&r={i}"
        ),
        "search": lambda i: f"/van-ban/?q={rng.choice(QUERIES)}&r={i}",
    }


def _queries_per_page() -> dict[str, tuple[int, int]]:
    """SQL queries of three different pages of each kind, rendered afresh."""
    slugs = list(DocumentPage.objects.order_by("?").values_list("slug", flat=True)[:3])
    kinds = {
        "document_page": [f"/van-ban/{slug}/?fresh=1" for slug in slugs],
        "listing": ["/van-ban/?fresh=1", "/van-ban/?p=2&fresh=1", "/van-ban/?p=9&fresh=1"],
        "search": [f"/van-ban/?q={q}&fresh=1" for q in QUERIES[:3]],
    }
    # The first reading of a generation also reads what is kept until the next publish (the
    # listing page, the filters' choices): warm them, as any reader before would have.
    Client().get(kinds["document_page"][0] + "&warm=1")
    Client().get("/van-ban/?warm=1")
    counts = {}
    for name, urls in kinds.items():
        numbers = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert Client().get(url).status_code == 200
            numbers.append(len(captured.captured_queries))
        counts[name] = (min(numbers), max(numbers))
    return counts


def main() -> None:
    total = 600 if ARGS.quick else 10_000
    requests_each = 60 if ARGS.quick else 400
    added, load_s = _load(total)
    print(f"documents = {DocumentPage.objects.count()} pages")
    print(f"load_s = {load_s:.1f} s ({added} added)")
    server = _serve()
    try:
        for name, url_of in _scenarios(total, requests_each).items():
            _measure([url_of(i) for i in range(10)])
            p50, p95, _rate = _measure([url_of(1000 + i) for i in range(requests_each)])
            print(f"{name}_p50 = {p50:.1f} ms")
            print(f"{name}_p95 = {p95:.1f} ms")
            urls = [url_of(5000 + i) for i in range(requests_each)]
            _p50, p95, rate = _measure(urls, threads=ARGS.concurrency)
            print(f"{name}_p95_at_{ARGS.concurrency}_clients = {p95:.1f} ms")
            print(f"{name}_throughput = {rate:.0f} requests/s")
    finally:
        server.terminate()
        server.wait(timeout=10)
    for name, (low, high) in _queries_per_page().items():
        print(f"queries_{name} = {high} queries (min {low})")


if __name__ == "__main__":
    from bench.machine import print_reference

    main()
    print_reference()
