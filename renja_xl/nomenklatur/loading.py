"""Reading the packaged nomenclature files, one regulation version at a time.

Nothing is read at import time: `load` reads a version on first use and keeps
it (the files are about 100 kB compressed, read in a few tens of milliseconds).
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from renja_xl.nomenklatur.codes import parent_kode
from renja_xl.nomenklatur.entry import Entry, Metadata
from renja_xl.nomenklatur.lookup import Nomenklatur
from renja_xl.nomenklatur.names import levels_by_name

__all__ = [
    "DEFAULT_VERSION", "VERSIONS", "default", "load", "name_index_file", "name_levels",
    "name_levels_of_rows",
]

DEFAULT_VERSION = "Kepmendagri 900.1.15.5-1317/2023"
_DRAFT_KABUPATEN_KOTA = "Pemutakhiran 2027 (draf) kabupaten/kota"
_DRAFT_PROVINSI = "Pemutakhiran 2027 (draf) provinsi"
_TEMPLATE = "X.XX"


@dataclass(frozen=True)
class _Source:
    """Where one version's rows are and how to read them."""

    folder: str
    jenis_pemda: str | None = None
    metadata_file: str | None = None


_SOURCES = {
    DEFAULT_VERSION: _Source("kepmendagri_900_1_15_5_1317_2023", metadata_file="metadata.csv.gz"),
    _DRAFT_KABUPATEN_KOTA: _Source("pemutakhiran_2027", jenis_pemda="kabupaten_kota"),
    _DRAFT_PROVINSI: _Source("pemutakhiran_2027", jenis_pemda="provinsi"),
}
VERSIONS = tuple(_SOURCES)
"""The versions that `load` knows, the default first."""


def _rows(folder: str, name: str) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(_lines(folder, name))


def _lines(folder: str, name: str) -> Iterator[str]:
    path = resources.files("renja_xl.nomenklatur").joinpath("data", folder, name)
    with gzip.open(io.BytesIO(path.read_bytes()), "rt", encoding="utf-8", newline="") as text:
        yield from text


def _selected(source: _Source) -> list[dict[str, str]]:
    rows = _rows(source.folder, "nomenklatur.csv.gz")
    return [r for r in rows if source.jenis_pemda in (None, r.get("jenis_pemda"))]


def _entries(rows: list[dict[str, str]]) -> list[Entry]:
    return [Entry(r["kode"], r["level"], r["nama"], parent_kode(r["kode"])) for r in rows]


def _metadata_rows(source: _Source, rows: list[dict[str, str]]) -> dict[str, Metadata]:
    if source.metadata_file is not None:
        rows = list(_rows(source.folder, source.metadata_file))
    return {
        r["kode"]: Metadata(r["kinerja"], r["indikator"], r["satuan"])
        for r in rows
        if r.get("indikator") or r.get("kinerja") or r.get("satuan")
    }


def _expand_penunjang(entries: list[Entry]) -> list[Entry]:
    """Copy the template program penunjang under every bidang that lacks its own."""
    codes = {e.kode for e in entries}
    template = [e for e in entries if e.kode.startswith(_TEMPLATE + ".01")]
    bidang = [
        e.kode
        for e in entries
        if e.level == "bidang_urusan" and e.kode != _TEMPLATE and f"{e.kode}.01" not in codes
    ]
    copies = [
        Entry(kode, e.level, e.nama, parent_kode(kode))
        for b in bidang
        for e in template
        for kode in [b + e.kode[len(_TEMPLATE) :]]
    ]
    return entries + copies


def _source(version: str) -> _Source:
    source = _SOURCES.get(version)
    if source is None:
        known = ", ".join(VERSIONS)
        raise ValueError(f"Versi nomenklatur tidak dikenal: {version!r} (tersedia: {known})")
    return source


@cache
def load(version: str = DEFAULT_VERSION) -> Nomenklatur:
    """The nomenclature of one regulation version (read once, then cached)."""
    source = _source(version)
    rows = _selected(source)
    # The draft carries its metadata in the same rows; keep them only then.
    inline = rows if source.metadata_file is None else []
    return Nomenklatur(
        version,
        _expand_penunjang(_entries(rows)),
        lambda: _metadata_rows(source, inline),
    )


def name_index_file(version: str) -> str:
    """Where `name_levels` reads a version's index, under renja_xl/nomenklatur/data
    (`scripts/nomenklatur_nama.py` writes it from `name_levels_of_rows`)."""
    source = _source(version)
    suffix = f"_{source.jenis_pemda}" if source.jenis_pemda else ""
    return f"{source.folder}/nama_level{suffix}.txt.gz"


@cache
def name_levels(version: str = DEFAULT_VERSION) -> dict[str, frozenset[str]]:
    """Normalised official name → the levels it occurs at (`Nomenklatur.levels_for_name`),
    what level inference asks of the nomenclature. Read from the packaged index, one
    "name<TAB>levels" line each: folding every official name takes a reader ten times as
    long (tests hold the index equal to `name_levels_of_rows`)."""
    folder, name = name_index_file(version).split("/")
    pairs = (line.rstrip("\n").split("\t") for line in _lines(folder, name))
    return {name: frozenset(levels.split()) for name, levels in pairs}


def name_levels_of_rows(version: str) -> dict[str, frozenset[str]]:
    """`name_levels` computed from the version's rows: what its index holds."""
    source = _source(version)
    rows = csv.reader(_lines(source.folder, "nomenklatur.csv.gz"))
    header = next(rows)
    level, nama = header.index("level"), header.index("nama")
    jenis = header.index("jenis_pemda") if "jenis_pemda" in header else None
    return levels_by_name(
        (row[level], row[nama]) for row in rows
        if source.jenis_pemda in (None, row[jenis] if jenis is not None else None)
    )


def default() -> Nomenklatur:
    """The main set: Kepmendagri 900.1.15.5-1317/2023, kabupaten/kota."""
    return load(DEFAULT_VERSION)
