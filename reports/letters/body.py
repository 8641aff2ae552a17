"""The structure Decree 30 gives a body, read from plain lines as a drafter types them:
'Căn cứ …' and 'Theo đề nghị …' grounds in italics, 'Chương I' and its title centred in bold,
'Điều 1. …' with its lead in bold, upper-case lines such as 'QUYẾT ĐỊNH:' centred in bold."""

import re

from ..snapshot import Paragraph, nfc

# The legal grounds of a decision, printed in italics: every 'Căn cứ …' and the closing
# 'Theo đề nghị của …'.
GROUNDS = ("Căn cứ", "Theo đề nghị")
ARTICLE = re.compile(r"^(Điều\s+\d+[a-z]?\.)\s*(.*)$")
CHAPTER = re.compile(r"^(Chương|Phần|Mục)\s+[IVXLCDM\d]+\.?$")


def body_paragraphs(text: str) -> tuple[Paragraph, ...]:
    lines = [nfc(line.strip()) for line in text.splitlines() if line.strip()]
    paragraphs: list[Paragraph] = []
    for line in lines:
        paragraphs.append(_paragraph(line, previous=paragraphs[-1] if paragraphs else None))
    return tuple(paragraphs)


def _paragraph(line: str, previous: Paragraph | None) -> Paragraph:
    if line.startswith(GROUNDS):
        return Paragraph("ground", line)
    if CHAPTER.match(line):
        return Paragraph("chapter", line)
    if previous is not None and previous.kind == "chapter":
        return Paragraph("chapter_title", line.upper())
    if article := ARTICLE.match(line):
        return Paragraph("article", article.group(2), lead=article.group(1))
    if line.isupper() and len(line) < 60:
        return Paragraph("heading", line)
    return Paragraph("text", line)
