"""Which level is each row? Inferred from every signal a table offers.

In real Renja workbooks the Kode column is often empty and bold type is applied
inconsistently, so no single signal decides. The signals, strongest first:

1. an explicit kode (its number of parts gives the level);
2. a SUBTOTAL/SUM formula in a pagu cell (it names the row's children);
3. the text: "JUMLAH"/"TOTAL", the "PROGRAM" prefix, "BIDANG"/"URUSAN" section rows;
4. the subtotal structure of both years: a kegiatan equals the sum of the sub
   kegiatan below it (a sub kegiatan may be budgeted in one year only);
5. the official nomenclature names (a name that is only a kegiatan, or only a sub
   kegiatan, in Kepmendagri 900.1.15.5-1317/2023);
6. bold type, when the table uses it to tell rows apart.

Programs, bidang and JUMLAH rows are found first; within each program the split
into kegiatan and sub kegiatan is the best-scoring grouping (dynamic
programming over the rows). Where the decision rests on a thin margin or the
signals disagree, the row gets an `ambiguity` sentence in Bahasa Indonesia
instead of a silent guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from renja_xl._grouping import Stretch
from renja_xl.model import Level

__all__ = ["RowSignals", "infer_levels"]

_JUMLAH = re.compile(r"^(jumlah|total)(\s+(total|keseluruhan|seluruhnya|pagu|anggaran))?\s*:?$")
_BIDANG = re.compile(r"^(bidang|urusan|sub\s*bagian|sekretariat)\b")
_PROGRAM = re.compile(r"^program\b")
# What each pattern's text must start with: most rows are ruled out without a regex.
_JUMLAH_START = ("jumlah", "total")
_BIDANG_START = ("bidang", "urusan", "sub", "sekretariat")
_ANY_START = (*_JUMLAH_START, "program", *_BIDANG_START)
_KODE_LEVEL = {1: Level.BIDANG, 2: Level.BIDANG, 3: Level.PROGRAM, 5: Level.KEGIATAN}
_KODE_SUB = 6

W_KODE = 100.0
W_NAME = 4.0
W_BOLD = 1.5
W_EMPTY_INDIKATOR = 0.5
AMBIGUOUS_MARGIN = 3.0


@dataclass(slots=True)
class RowSignals:
    """What a row shows about its level."""

    uraian: str
    kode: str = ""
    bold: bool | None = None
    pagu: int | None = None
    pagu_maju: int | None = None
    indikator: str = ""
    lokasi: str = ""
    children: range | None = None
    """Rows (0-based indexes in the table) that this row's own formula sums."""

    @property
    def has_figures(self) -> bool:
        """Whether the row carries any pagu."""
        return self.pagu is not None or self.pagu_maju is not None


NameLevels = Callable[[str], frozenset[str]]
_NO_LEVELS: frozenset[str] = frozenset()
_PROGRAM_ONLY = frozenset({"program"})
_URUSAN = frozenset({"urusan", "bidang_urusan"})


@lru_cache(maxsize=4096)
def _kode_level(kode: str) -> Level | None:
    parts = [p for p in kode.strip().strip(".").split(".") if p]
    if not parts:
        return None
    if len(parts) >= _KODE_SUB:
        return Level.SUB_KEGIATAN
    return _KODE_LEVEL.get(len(parts))


def _fixed_level(row: RowSignals, by_kode: Level | None, names: NameLevels) -> Level | None:
    """Levels decided by kode or text alone (JUMLAH, bidang, program)."""
    if by_kode is not None:
        return by_kode if by_kode is Level.BIDANG or by_kode is Level.PROGRAM else None
    # Lower case keeps every character's whitespace-ness, so the normalised text
    # starts with a word exactly when this does (and is empty exactly when this is).
    start = row.uraian.lower().lstrip()
    has_figures = row.pagu is not None or row.pagu_maju is not None
    if start.startswith(_ANY_START):
        text = " ".join(start.split())
        if text.startswith(_JUMLAH_START) and _JUMLAH.match(text):
            return Level.JUMLAH
        if text.startswith("program") and _PROGRAM.match(text):
            return Level.PROGRAM
        if not has_figures and text.startswith(_BIDANG_START) and _BIDANG.match(text):
            return Level.BIDANG
    if not has_figures and _is_section_heading(row):
        return Level.BIDANG
    levels = names(row.uraian) if start else _NO_LEVELS
    if levels == _PROGRAM_ONLY:
        return Level.PROGRAM
    if not has_figures and row.children is None and levels & _URUSAN:
        return Level.BIDANG
    return None


def _is_section_heading(row: RowSignals) -> bool:
    """A capitalised line with nothing else on the row ("PEMBERDAYAAN PEREMPUAN ...")."""
    if row.has_figures or row.children is not None or row.indikator.strip():
        return False
    letters = [ch for ch in row.uraian if ch.isalpha()]
    return not row.lokasi.strip() and len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _evidence(row: RowSignals, by_kode: Level | None, levels: frozenset[str],
              bold_informative: bool) -> float:
    """Evidence that a row is a kegiatan (positive) rather than a sub kegiatan."""
    if by_kode is Level.KEGIATAN:
        return W_KODE
    if by_kode is Level.SUB_KEGIATAN:
        return -W_KODE
    score = 0.0
    if "kegiatan" in levels:
        if "sub_kegiatan" not in levels:
            score += W_NAME
    elif "sub_kegiatan" in levels:
        score -= W_NAME
    if bold_informative and row.bold is not None:
        score += W_BOLD if row.bold else -W_BOLD
    if not row.indikator.strip():
        score += W_EMPTY_INDIKATOR
    if row.children is not None:
        score += W_KODE / 2
    return score


def _explain(row: RowSignals, label: Level, margin: float, names: NameLevels) -> str:
    other = Level.SUB_KEGIATAN if label is Level.KEGIATAN else Level.KEGIATAN
    reasons = []
    levels = names(row.uraian)
    if "kegiatan" in levels and "sub_kegiatan" not in levels and label is Level.SUB_KEGIATAN:
        reasons.append("namanya tercantum sebagai Kegiatan dalam nomenklatur")
    if "sub_kegiatan" in levels and "kegiatan" not in levels and label is Level.KEGIATAN:
        reasons.append("namanya tercantum sebagai Sub Kegiatan dalam nomenklatur")
    if margin <= 0:
        reasons.append("subtotal di sekitarnya tidak cocok untuk susunan mana pun")
    detail = "; ".join(reasons) or "subtotal, kode, nama dan format tidak cukup membedakan"
    return (
        f"tingkat baris tidak pasti: dianggap {label.label}, tetapi bisa juga "
        f"{other.label} ({detail})"
    )


def _label_block(
    rows: Sequence[RowSignals], by_kode: Sequence[Level | None], offset: int,
    names: NameLevels, bold_informative: bool, years: int,
) -> tuple[list[Level], list[str | None]]:
    if all(k is Level.KEGIATAN or k is Level.SUB_KEGIATAN for k in by_kode):
        # Every row coded (SIPD-era tables): the codes decide, whatever a kegiatan's
        # size (the grouping below weighs at most MAX_GROUP rows per kegiatan).
        return list(by_kode), [None] * len(rows)  # type: ignore[arg-type]
    evidence = [
        _evidence(r, k, names(r.uraian) if k is None else _NO_LEVELS, bold_informative)
        for r, k in zip(rows, by_kode, strict=True)
    ]
    block = Stretch(rows, evidence, offset, years)
    starts, best = block.solve()
    levels = [Level.SUB_KEGIATAN] * len(rows)
    for s in starts:
        levels[s] = Level.KEGIATAN
    notes: list[str | None] = [None] * len(rows)
    if all(abs(e) >= W_KODE for e in evidence):
        return levels, notes
    flipped = block.flipped_scores(starts, best)
    for i, e in enumerate(evidence):
        if abs(e) >= W_KODE:
            continue
        margin = best - flipped[i]
        if margin < AMBIGUOUS_MARGIN:
            notes[i] = _explain(rows[i], levels[i], margin, names)
    return levels, notes


def _no_names(_: str) -> frozenset[str]:
    return _NO_LEVELS


def infer_levels(
    rows: Sequence[RowSignals], names: NameLevels | None = None
) -> tuple[list[Level], list[str | None]]:
    """The level of every row and, where unsure, why (Bahasa Indonesia)."""
    names = lru_cache(maxsize=None)(names or _no_names)
    bolds = {r.bold for r in rows if r.bold is not None and r.has_figures}
    bold_informative = len(bolds) > 1
    years = 2 if any(r.pagu_maju is not None for r in rows) else 1
    by_kode = [_kode_level(r.kode) if r.kode else None for r in rows]
    levels: list[Level | None] = [
        _fixed_level(row, k, names) for row, k in zip(rows, by_kode, strict=True)
    ]
    notes: list[str | None] = [None] * len(rows)
    start = 0
    for end in [*(i for i, lv in enumerate(levels) if lv is not None), len(rows)]:
        if end > start:
            block_levels, block_notes = _label_block(
                rows[start:end], by_kode[start:end], start, names, bold_informative, years
            )
            levels[start:end] = block_levels
            notes[start:end] = block_notes
        start = end + 1
    return [lv or Level.SUB_KEGIATAN for lv in levels], notes
