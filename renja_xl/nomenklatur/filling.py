"""Filling empty Kode cells of a table from the nomenclature, top-down.

Programs are matched within the agency's bidang urusan (an agency may hold
several; the program penunjang goes under the main one), then each kegiatan
within its program's code, then each sub kegiatan within its kegiatan's code.
An existing code is never overwritten, only used as context. A row whose
parent has no usable code, or whose name is not clearly one official entry,
is left empty and reported with its best candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from renja_xl.hierarchy import parent_index
from renja_xl.model import Baris, Level, Renja, Tabel
from renja_xl.nomenklatur.entry import Entry
from renja_xl.nomenklatur.hasil import (
    HasilIsiKode,
    KodeDiisi,
    KodeTersisa,
    PerbaikanNama,
    SaranIndikator,
)
from renja_xl.nomenklatur.loading import default
from renja_xl.nomenklatur.lookup import Nomenklatur
from renja_xl.nomenklatur.matching import DEFAULT_MARGIN, DEFAULT_THRESHOLD, Match, match_name
from renja_xl.nomenklatur.names import normalize_name
from renja_xl.nomenklatur.similarity import similarity

__all__ = ["fill_kode", "fill_kode_renja"]

_LEVELS = {
    Level.PROGRAM: "program",
    Level.KEGIATAN: "kegiatan",
    Level.SUB_KEGIATAN: "sub_kegiatan",
}
_PENUNJANG = "01"


def _bidang_of(kode: str) -> str:
    return ".".join(kode.split(".")[:2])


def _is_penunjang(kode: str) -> bool:
    parts = kode.split(".")
    return len(parts) >= 3 and parts[2] == _PENUNJANG


@dataclass
class _Agency:
    """The bidang urusan an agency's programs belong to, main one first."""

    utama: str | None
    bidang: list[str] = field(default_factory=list)

    def add(self, kode: str) -> None:
        if kode not in self.bidang:
            self.bidang.append(kode)


def _known(nomenklatur: Nomenklatur, row: Baris) -> Entry | None:
    """The entry of a row's own code, if it exists at the row's level."""
    entry = nomenklatur.get(row.kode)
    return entry if entry is not None and entry.level == _LEVELS.get(row.level) else None


def _program_bidang(nomenklatur: Nomenklatur, row: Baris) -> tuple[str, bool] | None:
    """The one bidang a program row certainly belongs to, and whether it is penunjang."""
    entry = _known(nomenklatur, row)
    found = [entry] if entry else nomenklatur.find_by_name(row.uraian, level="program")
    bidang = {_bidang_of(e.kode) for e in found if not e.kode.startswith("X.")}
    if entry is None and len(bidang) != 1:
        return None
    kode = found[0].kode if entry else next(e.kode for e in found if not e.kode.startswith("X."))
    return _bidang_of(kode), _is_penunjang(kode)


def _agency(
    nomenklatur: Nomenklatur, rows: list[Baris], urusan: str | None, bidang: Iterable[str]
) -> _Agency:
    """The agency's bidang: given ones first, then those its programs reveal."""
    agency = _Agency(urusan)
    for kode in [urusan, *bidang]:
        if kode:
            agency.add(kode)
    for row in rows:
        if row.level is Level.PROGRAM:
            found = _program_bidang(nomenklatur, row)
            if found is not None:
                agency.add(found[0])
                if agency.utama is None and (found[1] or row.kode):
                    agency.utama = found[0]
    if agency.utama is None and agency.bidang:
        agency.utama = agency.bidang[0]
    return agency


@dataclass
class _Run:
    """The state of one filling run over one table."""

    nomenklatur: Nomenklatur
    agency: _Agency
    threshold: float
    margin: float
    jenis_kegiatan: frozenset[str] | None
    kode: list[str]
    used: set[str]
    cache: dict[tuple[str, tuple[str | None, ...], str], Match] = field(default_factory=dict)

    def match(self, nama: str, level: str, parents: Sequence[str | None]) -> Match:
        key = (level, tuple(parents), normalize_name(nama))
        found = self.cache.get(key)
        if found is None:
            found = match_name(
                self.nomenklatur,
                nama,
                level,
                parents,
                threshold=self.threshold,
                margin=self.margin,
                prefer_parent=self.agency.utama,
                jenis_kegiatan=self.jenis_kegiatan,
            )
            self.cache[key] = found
        return found


def _parents_for(run: _Run, level: str, parent: int | None) -> tuple[list[str | None], str]:
    """Where to look for a row's entry, or an empty list and the reason why nowhere."""
    if level == "program":
        return (list(run.agency.bidang) or [None]), ""
    if parent is None:
        return [], "tidak ada baris induk di atasnya"
    kode = run.kode[parent]
    if not kode:
        return [], "baris induk belum berkode"
    if kode not in run.nomenklatur:
        return [], f"kode induk {kode} tidak ada di nomenklatur"
    return [kode], ""


def _fill_row(run: _Run, hasil: HasilIsiKode, index: int, row: Baris, parent: int | None) -> None:
    level = _LEVELS[row.level]
    parents, alasan = _parents_for(run, level, parent)
    if not parents:
        hasil.tersisa.append(KodeTersisa(index, row.asal, row.level, row.uraian, alasan, ()))
        return
    match = run.match(row.uraian, level, parents)
    entry = match.entry
    if entry is not None and entry.kode in run.used:
        alasan = f"kode {entry.kode} sudah dipakai baris lain"
        entry = None
    if entry is None:
        alasan = alasan or match.reason
        left = KodeTersisa(index, row.asal, row.level, row.uraian, alasan, match.candidates)
        hasil.tersisa.append(left)
        return
    run.kode[index] = entry.kode
    run.used.add(entry.kode)
    filled = KodeDiisi(
        index, row.asal, row.level, row.uraian, entry.kode, entry.nama, match.confidence
    )
    hasil.diisi.append(filled)


def _certain_entry(run: _Run, row: Baris, kode: str) -> Entry | None:
    """The entry of a row's code when the row's name clearly is that entry's name."""
    entry = run.nomenklatur.get(kode)
    if entry is None or entry.level != _LEVELS.get(row.level):
        return None
    score = similarity(normalize_name(row.uraian), normalize_name(entry.nama))
    same_program = entry.level == "program" and run.nomenklatur.find_by_name(
        row.uraian, level="program", parent=entry.parent_kode
    )
    return entry if score >= run.threshold or same_program else None


def _finish(
    run: _Run, hasil: HasilIsiKode, rows: list[Baris], perbaiki_nama: bool, isi_indikator: bool,
    saran_indikator: bool,
) -> list[Baris]:
    """Rows with the filled codes and, if asked, official names and indikator."""
    indikator = saran_indikator or isi_indikator
    result = []
    for index, row in enumerate(rows):
        update: dict[str, str] = {}
        kode = run.kode[index]
        if kode and kode != row.kode:
            update["kode"] = kode
        entry = _certain_entry(run, row, kode) if kode else None
        if entry is not None and row.uraian != entry.nama:
            hasil.perbaikan_nama.append(
                PerbaikanNama(index, row.asal, kode, row.uraian, entry.nama)
            )
            if perbaiki_nama:
                update["uraian"] = entry.nama
        metadata = (run.nomenklatur.metadata(kode)
                    if indikator and entry and not row.indikator.strip() else None)
        if metadata is not None and row.level is Level.SUB_KEGIATAN:
            hasil.saran_indikator.append(SaranIndikator(index, row.asal, kode, metadata))
            if isi_indikator:
                update["indikator"] = metadata.indikator
        result.append(row.model_copy(update=update) if update else row)
    return result


def fill_kode(
    tabel: Tabel,
    nomenklatur: Nomenklatur | None = None,
    *,
    urusan: str | None = None,
    bidang: Iterable[str] = (),
    threshold: float = DEFAULT_THRESHOLD,
    margin: float = DEFAULT_MARGIN,
    perbaiki_nama: bool = False,
    isi_indikator: bool = False,
    saran_indikator: bool = True,
    jenis_kegiatan: Iterable[str] | None = ("2",),
) -> HasilIsiKode:
    """Fill the empty Kode of a table's program, kegiatan and sub kegiatan rows.

    `urusan` is the agency's main bidang urusan ("1.06"), where the program
    penunjang goes; without it, it is inferred. `bidang` adds bidang urusan
    the agency holds. `jenis_kegiatan` lists the kegiatan digits accepted
    ("2" kabupaten/kota; None accepts all, e.g. for Papua, DIY or Aceh).
    With `perbaiki_nama`, names of rows whose code is certain take the
    official spelling; with `isi_indikator`, an empty sub kegiatan indikator
    takes the regulation's. `saran_indikator=False` leaves out the suggestions
    of indikator (`HasilIsiKode.saran_indikator`) and so the reading of the
    regulation's metadata, for callers that show none. The input table is left
    unchanged.
    """
    nomenklatur = nomenklatur or default()
    rows = tabel.baris
    agency = _agency(nomenklatur, rows, urusan, bidang)
    run = _Run(
        nomenklatur,
        agency,
        threshold,
        margin,
        None if jenis_kegiatan is None else frozenset(jenis_kegiatan),
        [row.kode.strip() for row in rows],
        {row.kode.strip() for row in rows if row.kode.strip()},
    )
    hasil = HasilIsiKode(tabel, nomenklatur.version, agency.utama, tuple(agency.bidang))
    for index, (row, parent) in enumerate(zip(rows, parent_index(rows), strict=True)):
        if row.level not in _LEVELS:
            continue
        if run.kode[index]:
            hasil.sudah_ada.append(index)
            continue
        _fill_row(run, hasil, index, row, parent)
    hasil.tabel = tabel.model_copy(
        update={"baris": _finish(run, hasil, rows, perbaiki_nama, isi_indikator,
                                 saran_indikator)}
    )
    return hasil


def fill_kode_renja(
    renja: Renja,
    nomenklatur: Nomenklatur | None = None,
    *,
    urusan: str | None = None,
    bidang: Iterable[str] = (),
    **options: Any,
) -> list[HasilIsiKode]:
    """`fill_kode` on every table of a Renja in turn, Tabel 3.1 first.

    The main bidang urusan and the bidang found in one table are given to the
    next, so both tables place the program penunjang alike. `options` are
    those of `fill_kode` (threshold, perbaiki_nama...).
    """
    nomenklatur = nomenklatur or default()
    results = []
    for tabel in renja.tabel:
        hasil = fill_kode(tabel, nomenklatur, urusan=urusan, bidang=bidang, **options)
        urusan, bidang = hasil.urusan_utama, hasil.bidang
        results.append(hasil)
    return results
