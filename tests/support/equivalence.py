"""What the library makes of each workbook of the corpus, as one readable text.

For every workbook: the rows as loaded (level, sheet row, both years' figures and
the raw cell where it was not a plain number), what `recompute` changes, the counts
and summary, every Validasi finding (code, severity, sheet, cell, expected, actual)
and the cells `hitung` would write (plain and `--rumus`). The text is compared with
the committed golden file by tests/test_equivalence.py, so any change of behaviour
shows as a diff to review.

Regenerate the golden on purpose, and say why in the commit:

    python -m tests.support.equivalence --update
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from renja_xl.errors import RenjaError
from renja_xl.model import Baris, RawCell, Renja, Tabel
from renja_xl.recompute import count, recompute
from renja_xl.summary import summarize
from renja_xl.validasi import validate
from renja_xl.workbook.reader import load
from renja_xl.workbook.subtotals import subtotal_plan
from tests.support.corpus import write_corpus

GOLDEN = Path(__file__).with_name("equivalence.golden.txt")

_LEVEL = {"bidang": "B", "program": "P", "kegiatan": "K", "sub_kegiatan": "S", "jumlah": "J"}


def _raw(raw: RawCell | None) -> str:
    if raw is None:
        return ""
    shown = f"={raw.formula}" if raw.formula is not None else repr(raw.value)
    return f"[{shown}" + (f" -> {raw.value!r}" if raw.formula is not None else "") + "]"


def _row(index: int, baris: Baris) -> str:
    where = baris.asal.row if baris.asal else "-"
    parts = [f"  {index:>3} r{where} {_LEVEL.get(baris.level.value, baris.level.value)}"]
    for field in ("pagu", "pagu_maju"):
        parts.append(f"{baris.pagu_for(field == 'pagu_maju')}{_raw(baris.raw.get(field))}")
    return " ".join(parts)


def _tables(renja: Renja) -> Iterator[str]:
    for tabel in renja.tabel:
        yield f"tabel {tabel.kind.value} '{tabel.sheet}' {len(tabel)} baris, maju={tabel.has_maju}"
        yield from (_row(i, b) for i, b in enumerate(tabel.baris))


def _recomputed(tabel: Tabel) -> Iterator[str]:
    for change in recompute(tabel):
        yield f"  {tabel.sheet} #{change.index} {change.field}: {change.old} -> {change.new}"
    c = count(tabel)
    yield (f"  {tabel.sheet} hitungan: program={c.program} kegiatan={c.kegiatan} "
           f"sub={c.sub_kegiatan} berpagu={c.sub_kegiatan_budgeted}/"
           f"{c.sub_kegiatan_budgeted_next} jumlah={c.total_pagu}/{c.total_pagu_maju}")


def _summary(renja: Renja) -> Iterator[str]:
    summary = summarize(renja)
    yield f"  kalimat: {summary.sentence}"
    for table in summary.tables:
        for s in table.per_program:
            yield f"  {table.sheet} program {s.nama[:50]!r}: {s.pagu}/{s.pagu_maju}"
        for s in table.per_sumber_dana:
            yield f"  {table.sheet} sumber {s.nama!r}: {s.pagu}/{s.pagu_maju}"


def _findings(path: Path) -> Iterator[str]:
    """Every finding; those alike but for the cell on one line, cells in report order."""
    cells: dict[tuple[str, str, str, object, object], list[str]] = {}
    for f in validate(path).findings:
        key = (f.code, f.severity.value, f.sheet, f.expected, f.actual)
        cells.setdefault(key, []).append(str(f.cell))
    for (code, severity, sheet, expected, actual), where in cells.items():
        yield (f"  {code} {severity} '{sheet}'!{','.join(where)} "
               f"expected={expected!r} actual={actual!r}")


def _hitung(path: Path, live: bool) -> Iterator[str]:
    for tabel in load(path, strict=False).tabel:
        try:
            plan = subtotal_plan(tabel, live=live)
        except RenjaError as exc:
            yield f"  {tabel.sheet} ditolak: {exc}"
            continue
        for u in plan.updates:
            restored = " (dipulihkan)" if u.restored else ""
            yield (f"  '{u.sheet}'!{u.ref} {u.level.value}: {u.old} -> {u.new} "
                   f"tulis {u.value!r}{restored}")
        for b in plan.blocked:
            yield f"  '{b.sheet}'!{b.ref} {b.level.value}: tidak dihitung, {','.join(b.cells)}"


def digest_workbook(name: str, path: Path) -> list[str]:
    """The readable digest of one workbook."""
    lines = [f"== {name}"]
    try:
        load(path)
    except RenjaError as exc:
        lines.append(f"dibaca ketat: ditolak: {exc}")
    renja = load(path, strict=False)
    lines += ["-- dibaca", *_tables(renja)]
    lines += ["-- recompute"] + [line for t in renja.tabel for line in _recomputed(t)]
    lines += ["-- ringkasan", *_summary(renja)]
    lines += ["-- validasi", *_findings(path)]
    lines += ["-- hitung", *_hitung(path, live=False)]
    lines += ["-- hitung --rumus", *_hitung(path, live=True)]
    return lines


def digest(folder: Path) -> str:
    """The digest of the whole corpus, written into `folder`."""
    lines: list[str] = []
    for name, path in write_corpus(folder).items():
        lines += digest_workbook(name, path)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """`--update` rewrites the golden file; without it, say whether it still holds."""
    with tempfile.TemporaryDirectory() as tmp:
        text = digest(Path(tmp))
    if "--update" in argv:
        GOLDEN.write_text(text, encoding="utf-8")
        print(f"ditulis: {GOLDEN}")
        return 0
    same = GOLDEN.exists() and GOLDEN.read_text(encoding="utf-8") == text
    print("sama dengan golden" if same else "BERBEDA dari golden")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
