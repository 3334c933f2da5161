"""Deciding which official entry a typed name stands for, or that none can be said.

Precision comes first: a code is given only when one entry is clearly best.
An exact match (after normalisation) wins outright; a fuzzy match must reach
the threshold and lead the runner-up by a margin. Entries that carry the same
name under several parents (the program penunjang under every bidang) are
told apart by a preferred parent, never by chance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from renja_xl.nomenklatur.entry import Entry
from renja_xl.nomenklatur.names import normalize_name

if TYPE_CHECKING:
    from renja_xl.nomenklatur.lookup import Nomenklatur

__all__ = ["DEFAULT_MARGIN", "DEFAULT_THRESHOLD", "Match", "match_name"]

DEFAULT_THRESHOLD = 88.0
"""Lowest fuzzy score (0..100) at which a code is given."""
DEFAULT_MARGIN = 5.0
"""How far the best fuzzy score must lead the next different name."""
_SHOWN = 3
_FIRST_LOOK = 12


@dataclass(frozen=True)
class Match:
    """The outcome for one name: the chosen entry (or None), confidence and why."""

    entry: Entry | None
    confidence: float
    candidates: tuple[tuple[Entry, float], ...]
    reason: str = ""


def _allowed(entry: Entry, jenis_kegiatan: frozenset[str] | None) -> bool:
    """Whether the entry's kegiatan digit (2 for kab/kota) is one the caller accepts."""
    parts = entry.kode.split(".")
    return jenis_kegiatan is None or len(parts) < 4 or parts[3] in jenis_kegiatan


def _ranked(
    nomenklatur: Nomenklatur,
    nama: str,
    level: str,
    parents: Sequence[str | None],
    jenis_kegiatan: frozenset[str] | None,
) -> list[tuple[Entry, float]]:
    found: dict[str, tuple[Entry, float]] = {}
    for parent in parents:
        for entry, score in _usable(nomenklatur, nama, level, parent, jenis_kegiatan):
            found[entry.kode] = (entry, score)
    return sorted(found.values(), key=lambda pair: (-pair[1], pair[0].kode))


def _usable(
    nomenklatur: Nomenklatur,
    nama: str,
    level: str,
    parent: str | None,
    jenis_kegiatan: frozenset[str] | None,
) -> list[tuple[Entry, float]]:
    """The best candidates under one parent, without templates and unwanted kegiatan kinds."""
    limit = _FIRST_LOOK
    while True:
        ranked = nomenklatur.candidates(nama, level, parent=parent, limit=limit)
        usable = [
            (e, s) for e, s in ranked if _allowed(e, jenis_kegiatan) and not e.kode.startswith("X.")
        ]
        # Enough kept to decide (best, runner-up margin) and to show three, or none left.
        if len(usable) >= _FIRST_LOOK // 2 or len(ranked) < limit:
            return usable
        limit *= 4


def _exact(
    nomenklatur: Nomenklatur,
    nama: str,
    level: str,
    parents: Sequence[str | None],
    jenis_kegiatan: frozenset[str] | None,
) -> list[Entry]:
    found = [e for p in parents for e in nomenklatur.find_by_name(nama, level=level, parent=p)]
    unique = dict.fromkeys(e for e in found if _allowed(e, jenis_kegiatan))
    return [e for e in unique if not e.kode.startswith("X.")]


def _prefer(entries: list[Entry], prefer_parent: str | None) -> Entry | None:
    """One entry among same-named ones: the one under the preferred parent."""
    if len(entries) == 1:
        return entries[0]
    names = {normalize_name(e.nama) for e in entries}
    preferred = [e for e in entries if prefer_parent and e.kode.startswith(prefer_parent + ".")]
    return preferred[0] if len(names) == 1 and len(preferred) == 1 else None


def match_name(
    nomenklatur: Nomenklatur,
    nama: str,
    level: str,
    parents: Sequence[str | None],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    margin: float = DEFAULT_MARGIN,
    prefer_parent: str | None = None,
    jenis_kegiatan: frozenset[str] | None = frozenset({"2"}),
) -> Match:
    """The entry of `level`, below one of `parents`, that `nama` stands for."""
    exact = _exact(nomenklatur, nama, level, parents, jenis_kegiatan)
    if exact:
        chosen = _prefer(exact, prefer_parent)
        shown = tuple((e, 100.0) for e in exact[:_SHOWN])
        if chosen is not None:
            return Match(chosen, 100.0, shown)
        return Match(None, 100.0, shown, "nama yang sama ada di beberapa kode")
    ranked = _ranked(nomenklatur, nama, level, parents, jenis_kegiatan)
    return _fuzzy(ranked, threshold, margin, prefer_parent)


def _fuzzy(
    ranked: list[tuple[Entry, float]], threshold: float, margin: float, prefer: str | None
) -> Match:
    shown = tuple(ranked[:_SHOWN])
    if not ranked:
        return Match(None, 0.0, shown, "tidak ada kandidat di nomenklatur")
    best_score = ranked[0][1]
    if best_score < threshold:
        return Match(None, best_score, shown, "kemiripan di bawah ambang")
    close = [e for e, s in ranked if s >= best_score - margin]
    same_name = [e for e in close if normalize_name(e.nama) == normalize_name(ranked[0][0].nama)]
    chosen = _prefer(same_name, prefer) if len(same_name) == len(close) else None
    if chosen is None:
        return Match(None, best_score, shown, "beberapa kandidat hampir sama mirip")
    return Match(chosen, best_score, shown)
