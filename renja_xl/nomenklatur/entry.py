"""One nomenclature entry and the metadata of a sub kegiatan."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Entry", "Metadata"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A code of the nomenclature with its level, official name and parent code."""

    kode: str
    level: str
    nama: str
    parent_kode: str | None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a sub kegiatan delivers (kinerja), how it is measured and in what unit."""

    kinerja: str
    indikator: str
    satuan: str
