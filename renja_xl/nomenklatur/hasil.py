"""What `fill_kode` did to a table: records to show, write back or test against."""

from __future__ import annotations

from dataclasses import dataclass, field

from renja_xl.model import Asal, Level, Tabel
from renja_xl.nomenklatur.entry import Entry, Metadata

__all__ = ["HasilIsiKode", "KodeDiisi", "KodeTersisa", "PerbaikanNama", "SaranIndikator"]


@dataclass(frozen=True)
class KodeDiisi:
    """A row whose empty Kode was filled, with the confidence of the match (0..100)."""

    index: int
    asal: Asal | None
    level: Level
    uraian: str
    kode: str
    nama_resmi: str
    confidence: float


@dataclass(frozen=True)
class KodeTersisa:
    """A row left without a code: why, and the three best candidates."""

    index: int
    asal: Asal | None
    level: Level
    uraian: str
    alasan: str
    candidates: tuple[tuple[Entry, float], ...]


@dataclass(frozen=True)
class PerbaikanNama:
    """A name rewritten to the official spelling of its (certain) code."""

    index: int
    asal: Asal | None
    kode: str
    lama: str
    baru: str


@dataclass(frozen=True)
class SaranIndikator:
    """The regulation's indikator and satuan for a sub kegiatan whose indikator is empty."""

    index: int
    asal: Asal | None
    kode: str
    metadata: Metadata


@dataclass
class HasilIsiKode:
    """The table with codes filled, and every decision taken on the way."""

    tabel: Tabel
    versi: str
    urusan_utama: str | None
    bidang: tuple[str, ...]
    diisi: list[KodeDiisi] = field(default_factory=list)
    tersisa: list[KodeTersisa] = field(default_factory=list)
    sudah_ada: list[int] = field(default_factory=list)
    perbaikan_nama: list[PerbaikanNama] = field(default_factory=list)
    saran_indikator: list[SaranIndikator] = field(default_factory=list)
