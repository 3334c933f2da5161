"""The official nomenclature of regional planning codes, packaged by regulation version.

The default version is the kabupaten/kota annex of Kepmendagri 900.1.15.5-1317
Tahun 2023 (codes `U.BB.PP.K.KK.SSSS`, program penunjang expanded under every
bidang urusan). Data is read on first use, never at import::

    from renja_xl.nomenklatur import default
    nomenklatur = default()
    nomenklatur.get("1.06.04.2.01.0001").nama   # "Penyediaan Permakanan"

`fill_kode(tabel)` fills the empty Kode of a table top-down from it;
`fill_kode_renja(renja)` fills every table of a Renja in turn.
"""

from renja_xl import _renamed
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
__getattr__ = _renamed.module_getattr(__name__, _RENAMED)
