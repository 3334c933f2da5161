"""The official nomenclature of regional planning codes, packaged by regulation version.

The default version is the kabupaten/kota annex of Kepmendagri 900.1.15.5-1317
Tahun 2023 (codes `U.BB.PP.K.KK.SSSS`, program penunjang expanded under every
bidang urusan). Data is read on first use, never at import::

    from renja_xl.nomenklatur import default
    nomenklatur = default()
    nomenklatur.get("1.06.04.2.01.0001").nama   # "Penyediaan Permakanan"

`fill_kode(tabel)` fills the empty Kode of a table top-down from it;
`fill_kode_renja(renja)` fills every table of a Renja in turn.

Names are imported on first use (as in `renja_xl`): a caller needing one constant
or `normalize_name` does not load the matching machinery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renja_xl import _lazy

_EXPORTS: dict[str, str] = {
    "DEFAULT_MARGIN": "renja_xl.nomenklatur.matching",
    "DEFAULT_THRESHOLD": "renja_xl.nomenklatur.matching",
    "DEFAULT_VERSION": "renja_xl.nomenklatur.loading",
    "Entry": "renja_xl.nomenklatur.entry",
    "HasilIsiKode": "renja_xl.nomenklatur.hasil",
    "KnownCodes": "renja_xl.nomenklatur.known",
    "KodeDiisi": "renja_xl.nomenklatur.hasil",
    "KodeTersisa": "renja_xl.nomenklatur.hasil",
    "LEVELS": "renja_xl.nomenklatur.codes",
    "Metadata": "renja_xl.nomenklatur.entry",
    "Nomenklatur": "renja_xl.nomenklatur.lookup",
    "PerbaikanNama": "renja_xl.nomenklatur.hasil",
    "SaranIndikator": "renja_xl.nomenklatur.hasil",
    "VERSIONS": "renja_xl.nomenklatur.loading",
    "default": "renja_xl.nomenklatur.loading",
    "fill_kode": "renja_xl.nomenklatur.filling",
    "fill_kode_renja": "renja_xl.nomenklatur.filling",
    "is_valid_format": "renja_xl.nomenklatur.codes",
    "known_codes": "renja_xl.nomenklatur.known",
    "kode_level": "renja_xl.nomenklatur.codes",
    "load": "renja_xl.nomenklatur.loading",
    "normalize_name": "renja_xl.nomenklatur.names",
    "parent_kode": "renja_xl.nomenklatur.codes",
}

__all__ = [
    "DEFAULT_MARGIN",
    "DEFAULT_THRESHOLD",
    "DEFAULT_VERSION",
    "LEVELS",
    "VERSIONS",
    "Entry",
    "HasilIsiKode",
    "KnownCodes",
    "KodeDiisi",
    "KodeTersisa",
    "Metadata",
    "Nomenklatur",
    "PerbaikanNama",
    "SaranIndikator",
    "default",
    "fill_kode",
    "fill_kode_renja",
    "is_valid_format",
    "known_codes",
    "kode_level",
    "load",
    "normalize_name",
    "parent_kode",
]

# Old names (0.1), kept until 0.3 with a DeprecationWarning.
_RENAMED = {"isi_kode": "fill_kode"}

if TYPE_CHECKING:  # what type checkers and editors see
    from renja_xl.nomenklatur.codes import LEVELS, is_valid_format, kode_level, parent_kode
    from renja_xl.nomenklatur.entry import Entry, Metadata
    from renja_xl.nomenklatur.filling import fill_kode, fill_kode_renja
    from renja_xl.nomenklatur.hasil import (
        HasilIsiKode,
        KodeDiisi,
        KodeTersisa,
        PerbaikanNama,
        SaranIndikator,
    )
    from renja_xl.nomenklatur.known import KnownCodes, known_codes
    from renja_xl.nomenklatur.loading import DEFAULT_VERSION, VERSIONS, default, load
    from renja_xl.nomenklatur.lookup import Nomenklatur
    from renja_xl.nomenklatur.matching import DEFAULT_MARGIN, DEFAULT_THRESHOLD
    from renja_xl.nomenklatur.names import normalize_name


__getattr__ = _lazy.lazy_exports(__name__, _EXPORTS, globals(), _RENAMED)


def __dir__() -> list[str]:
    """The public names and the submodules loaded so far."""
    submodules = (name for name, value in globals().items()
                  if getattr(value, "__name__", "").startswith(f"{__name__}.")
                  and getattr(value, "__file__", None))
    return sorted({*__all__, *submodules})
