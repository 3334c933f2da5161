"""Lists of known codes beside the regulation: codes observed in real SIPD-RI exports.

The nomenclature is amended almost yearly (1317/2023, 3406/2024, later ones) and no
machine-readable copy of the later amendments is packaged, so a code missing from
1317/2023 may be newer, not wrong. Codes taken from SIPD-RI exports are official by
construction: such a list is kept apart from the regulation (never merged into it)
and named wherever it is consulted. Three kinds of source:

* `"sipd_buru"`, the packaged list (data/sipd_buru/kode.csv.gz: the codes of the
  Kabupaten Buru exports APBD 2024 and KUA-PPAS 2025, see PROVENANCE.md);
* a CSV file (optionally .gz) with a `kode` column;
* a SIPD-RI export (.xlsx), whose KODE columns are read by header name.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from renja_xl.errors import RenjaError
from renja_xl.nomenklatur.codes import is_valid_format

__all__ = ["PACKAGED", "KnownCodes", "known_codes"]

PACKAGED = "sipd_buru"
"""The name of the packaged list of codes observed in SIPD-RI exports."""
_PACKAGED_LABEL = "kode teramati di ekspor SIPD-RI Kab. Buru (APBD 2024, KUA-PPAS 2025)"


@dataclass(frozen=True)
class KnownCodes:
    """A named set of codes known to be official."""

    label: str
    codes: frozenset[str]

    def __contains__(self, kode: object) -> bool:
        return kode in self.codes


def _from_csv(text: str, label: str) -> KnownCodes:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "kode" not in reader.fieldnames:
        raise RenjaError(f"daftar kode {label} tidak memiliki kolom 'kode'")
    return KnownCodes(label, frozenset(r["kode"].strip() for r in reader if r["kode"].strip()))


@cache
def _packaged() -> KnownCodes:
    path = resources.files("renja_xl.nomenklatur").joinpath("data", "sipd_buru", "kode.csv.gz")
    return _from_csv(gzip.decompress(path.read_bytes()).decode("utf-8"), _PACKAGED_LABEL)


def _from_export(path: Path) -> KnownCodes:
    from renja_xl.sipd.export import read_export

    export = read_export(path)
    fields = ("kode_bidang", "kode_program", "kode_kegiatan", "kode_sub_kegiatan")
    codes = {getattr(row, f) for row in export.rows for f in fields}
    return KnownCodes(f"kode ekspor SIPD {path.name} ({export.tahun})",
                      frozenset(k for k in codes if is_valid_format(k)))


def known_codes(source: str | Path) -> KnownCodes:
    """The known codes of `source`: "sipd_buru", a CSV list or a SIPD-RI export."""
    if str(source) == PACKAGED:
        return _packaged()
    path = Path(source)
    if not path.is_file():
        raise RenjaError("daftar kode nomenklatur tambahan tidak ditemukan", file=path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _from_export(path)
    data = path.read_bytes()
    try:
        text = (gzip.decompress(data) if path.suffix.lower() == ".gz" else data).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RenjaError(f"daftar kode tidak dapat dibaca ({exc})", file=path) from None
    return _from_csv(text, f"daftar {path.name}")
