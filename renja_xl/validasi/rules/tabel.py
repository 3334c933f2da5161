"""Rule comparing Tabel 4.1 with the year-N half of Tabel 3.1, row by row.

Rows are aligned as sequences of (level, name), so one row missing or renamed
in either table does not shift every row after it. Sub kegiatan budgeted only
in N+1 are not expected in Tabel 4.1. Texts are compared after folding case,
punctuation and spacing; pagu is compared where it is entered (rows without
children): a parent's difference always follows from its children's, or from
its own subtotal, which `pagu.subtotal_mismatch` reports.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from renja_xl.amounts import amount_text, is_invalid
from renja_xl.fuzzy import ratio
from renja_xl.model import Baris, Level, Tabel
from renja_xl.nomenklatur import normalize_name
from renja_xl.numbers import is_empty_mark
from renja_xl.validasi.cells import qualified_ref
from renja_xl.validasi.context import RenjaContext, TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.funding import default_sources
from renja_xl.validasi.rule import Problem, Scope, rule

_LABELS = {
    "uraian": "Nama",
    "indikator": "Indikator kinerja",
    "lokasi": "Lokasi",
    "target": "Target",
    "pagu": "Pagu",
    "sumber_dana": "Sumber dana",
}
_PAIR_SIMILARITY = 60


def _year_n_rows(ctx: TabelContext) -> list[int]:
    """Rows of Tabel 3.1 that belong in Tabel 4.1: all but those budgeted only in N+1.

    A subtotal formula that shows nothing (its children have no year-N figure, as in an
    impor-sipd plan) is budgeted when a row of its block is."""
    baris = ctx.tabel.baris
    entered: list[bool] = []
    for b in baris:
        raw = b.raw.get("pagu")
        entered.append(b.pagu is not None or (raw is not None and not (
            raw.formula is not None and raw.value is None)))
    hierarchy = ctx.hierarchy
    rows = []
    for index, b in enumerate(baris):
        raw = b.raw.get("pagu")
        budgeted = entered[index] or (
            raw is not None and any(entered[i] for i in hierarchy.block(index)))
        if b.level in (Level.BIDANG, Level.JUMLAH) or budgeted:
            rows.append(index)
    return rows


def _key(baris: Baris) -> tuple[str, str]:
    return baris.level.value, normalize_name(baris.uraian)


def _alike(a: Baris, b: Baris) -> bool:
    if a.level is not b.level:
        return False
    same_pagu = a.pagu is not None and a.pagu == b.pagu
    return same_pagu or ratio(_key(a)[1], _key(b)[1]) >= _PAIR_SIMILARITY


def _pair_block(
    left: list[Baris], right: list[Baris], a: range, b: range
) -> Iterator[tuple[int | None, int | None]]:
    """Pair the rows of a differing stretch by level and likeness, in order."""
    start = b.start
    for i in a:
        for k in range(start, b.stop):
            if _alike(left[i], right[k]):
                yield from ((None, j) for j in range(start, k))
                yield i, k
                start = k + 1
                break
        else:
            yield i, None
    yield from ((None, j) for j in range(start, b.stop))


def align(left: list[Baris], right: list[Baris]) -> list[tuple[int | None, int | None]]:
    """Pairs of indices (left, right) of matching rows; None where a row has no partner."""
    matcher = difflib.SequenceMatcher(
        None, [_key(b) for b in left], [_key(b) for b in right], autojunk=False
    )
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            pairs.extend(_pair_block(left, right, range(i1, i2), range(j1, j2)))
    return pairs


def _text(baris: Baris, field: str) -> str:
    value = getattr(baris, field)
    text = value.teks if field == "target" else str(value)
    return "" if is_empty_mark(text) else text


def _same_text(a: Baris, b: Baris, field: str) -> bool:
    text_a, text_b = _text(a, field), _text(b, field)
    return text_a == text_b or normalize_name(text_a) == normalize_name(text_b)


def _same_sources(a: Baris, b: Baris) -> bool:
    if a.sumber_dana == b.sumber_dana:
        return True
    sources = default_sources()
    known_a, unknown_a = sources.parse(a.sumber_dana)
    known_b, unknown_b = sources.parse(b.sumber_dana)
    fold = lambda parts: {normalize_name(p) for p in parts}  # noqa: E731
    return known_a == known_b and fold(unknown_a) == fold(unknown_b)


def _entered(ctx: TabelContext, index: int) -> bool:
    """Whether a row's pagu is typed in rather than summed: a sub kegiatan, or a childless
    program or kegiatan."""
    baris = ctx.tabel.baris[index]
    if baris.level is Level.SUB_KEGIATAN:
        return True
    return baris.level in (Level.PROGRAM, Level.KEGIATAN) and not ctx.hierarchy.has_children(index)


def _differences(t31: TabelContext, a: int, b: int, t41: TabelContext) -> Iterator[str]:
    row31, row41 = t31.tabel.baris[a], t41.tabel.baris[b]
    for field in ("uraian", "indikator", "lokasi", "target"):
        if not _same_text(row31, row41, field):
            yield field
    if _entered(t31, a) and _entered(t41, b):
        invalid = is_invalid(row31, "pagu") or is_invalid(row41, "pagu")
        if not invalid and (row31.pagu or 0) != (row41.pagu or 0):
            yield "pagu"
    if not _same_sources(row31, row41):
        yield "sumber_dana"


def _shown(baris: Baris, field: str) -> str:
    if field == "pagu":
        return amount_text(baris.pagu)
    return f"\"{_text(baris, field)}\"" if _text(baris, field) else "kosong"


def _value(baris: Baris, field: str) -> str | int | None:
    return baris.pagu if field == "pagu" else _text(baris, field) or None


def _difference(t31: Tabel, row31: Baris, t41: TabelContext, row41: Baris, field: str) -> Problem:
    where = qualified_ref(t31, row31, field)
    return t41.problem(
        row41, field,
        f"{_LABELS[field]} berbeda dengan Tabel 3.1 ({where}): {_shown(row31, field)} di "
        f"Tabel 3.1, {_shown(row41, field)} di Tabel 4.1.",
        expected=_value(row31, field), actual=_value(row41, field), related=where,
    )


def _missing(ctx: TabelContext, baris: Baris, other: str) -> Problem:
    return ctx.problem(
        baris, "uraian",
        f"{baris.level.label} \"{baris.uraian}\" ada di {ctx.tabel.sheet or 'tabel ini'} "
        f"tetapi tidak ada di {other} (tahun {ctx.renja.tahun}).",
        expected=None, actual=baris.uraian,
    )


@rule("tabel.mismatch", Severity.ERROR, Scope.RENJA)
def mismatch(ctx: RenjaContext) -> Iterator[Problem]:
    """A year-N difference between Tabel 3.1 and Tabel 4.1 (name, indikator, ..., pagu)."""
    by_kind = {c.tabel.kind.value: c for c in ctx.tables}
    if "3.1" not in by_kind or "4.1" not in by_kind:
        return
    t31, t41 = by_kind["3.1"], by_kind["4.1"]
    rows31 = _year_n_rows(t31)
    left = [t31.tabel.baris[i] for i in rows31]
    for a, b in align(left, t41.tabel.baris):
        if b is None:
            yield _missing(t31, left[a], "Tabel 4.1")  # type: ignore[index]
        elif a is None:
            yield _missing(t41, t41.tabel.baris[b], "Tabel 3.1")
        else:
            for field in _differences(t31, rows31[a], b, t41):
                yield _difference(t31.tabel, left[a], t41, t41.tabel.baris[b], field)
