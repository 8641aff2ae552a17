"""Rendering speed of official PDFs (a benchmark, not a test).

Prints ms per page for one document rendered alone, ms per 2-page warning letter in a batch (each
letter with its verification QR code; all laid out as one HTML, one page group per letter so that
page numbers restart; each letter then written as its own archival PDF/A-3b with its snapshot
attached; and the print file of them all), and the peak memory. Targets on a 2-core machine:
<= 80 ms per 2-page letter per core; peak memory <= 1 GiB. ``letter_cpu_ms`` is the process's CPU
time per letter, the figure to read when other work shares the machine.

    .venv/bin/python bench/render.py [--quick]
"""

import argparse
import dataclasses
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

# The project's root in place of bench/, whose requests.py would hide the requests package.
sys.path[0] = str(Path(__file__).resolve().parent.parent)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings.test")

import django  # noqa: E402

django.setup()

from pypdf import PdfReader  # noqa: E402

from reports.batch import letters_print_file, letters_render_batch  # noqa: E402
from reports.documents import snapshot_html  # noqa: E402
from reports.render import render_pdf  # noqa: E402
from reports.snapshot import Annex, Table  # noqa: E402
from reports.specimens import specimen_warning_letter, specimens  # noqa: E402
from reports.verification import verification_for  # noqa: E402

SERVICES = ("Khám bệnh", "Xét nghiệm", "Chẩn đoán hình ảnh", "Thuốc", "Vật tư y tế", "Giường")


def _letter(n: int):  # noqa: ANN202 - a snapshot
    base = specimen_warning_letter()
    rows = tuple(
        (service, f"{(n * 37 + i * 11) % 900 + 100}.000.000", f"+{(n + i) % 15},{i}%")
        for i, service in enumerate(SERVICES)
    )
    annex = Annex("Chi phí theo nhóm dịch vụ", Table(("Nhóm", "Chi phí (đồng)", "Tăng"), rows))
    return dataclasses.replace(
        base,
        addressees=(f"Cơ sở khám bệnh, chữa bệnh số {n:05d}",),
        number_line=f"Số: {n + 1:02d}/BHXH-GĐBHYT",
        annexes=(annex,),
        annex_reference=f"Phụ lục kèm theo Công văn số {n + 1:02d}/BHXH-GĐBHYT",
    )


def _timed(fn, repeat: int) -> list[float]:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="50 letters instead of 500")
    letters = 50 if parser.parse_args().quick else 500

    report_html = snapshot_html(specimens()["report"])
    pages = len(PdfReader(io.BytesIO(render_pdf(report_html))).pages)
    alone = _timed(lambda: render_pdf(report_html), 10)

    start, cpu_start = time.perf_counter(), time.process_time()
    snapshots = [
        _letter(n).with_verification(verification_for(f"BENCH-{n:05d}")) for n in range(letters)
    ]
    batch = letters_render_batch(snapshots, archival=True)
    print_file = letters_print_file(letter.pdf for letter in batch)
    batch_ms = (time.perf_counter() - start) * 1000
    cpu_ms = (time.process_time() - cpu_start) * 1000
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    letter_pages = sum(len(PdfReader(io.BytesIO(letter.pdf)).pages) for letter in batch)

    print(f"document_ms_per_page = {statistics.median(alone) / pages:.1f} ms")
    print(f"letters_in_batch = {letters} letters")
    print(f"pages_per_letter = {letter_pages / letters:.1f} pages")
    print(f"letter_ms_per_worker = {batch_ms / letters:.1f} ms")
    print(f"letter_cpu_ms = {cpu_ms / letters:.1f} ms")
    print(f"print_file_mib = {len(print_file) / 2**20:.1f} MiB")
    print(f"peak_memory_mib = {peak_mib:.0f} MiB")


if __name__ == "__main__":
    from bench.machine import print_reference

    main()
    print_reference()
