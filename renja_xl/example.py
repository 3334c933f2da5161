"""The embedded real example: the Renja of DINSOSP3APPKB Kabupaten Dharmasraya, 2022.

The rows are those printed in the plan's Tabel 3.1 and Tabel 4.1 (data file
`renja_xl/data/dharmasraya_2022.json`), with the levels that the printed
subtotals of both years imply.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from renja_xl.model import Baris, Level, Penandatangan, Renja, Tabel, TabelKind, Target

__all__ = ["example_data", "load_example"]

_OPD_SINGKAT = "DINSOSP3APPKB"


@cache
def _raw() -> str:
    return resources.files("renja_xl.data").joinpath("dharmasraya_2022.json").read_text("utf-8")


def example_data() -> dict[str, Any]:
    """The example's rows and metadata as printed (a fresh copy each call)."""
    return json.loads(_raw())


def _baris(row: dict[str, Any]) -> Baris:
    return Baris(
        level=Level(row["level"]),
        kode=row.get("kode", ""),
        uraian=row["uraian"],
        indikator=row.get("indikator", ""),
        lokasi=row.get("lokasi", ""),
        target=Target.from_text(row.get("target", "")),
        pagu=row.get("pagu"),
        sumber_dana=row.get("sumber_dana", ""),
        catatan=row.get("catatan", row.get("ket", "")),
        target_maju=Target.from_text(row.get("target_maju", "")),
        pagu_maju=row.get("pagu_maju"),
        bold=row.get("bold"),
    )


def load_example() -> Renja:
    """The Dharmasraya 2022 Renja as a model (levels as printed)."""
    data = example_data()
    tempat, _, tanggal = data["tempat_tanggal"].partition(",")
    return Renja(
        pemda=data["pemda"],
        opd=data["opd"],
        opd_singkat=_OPD_SINGKAT,
        tahun=data["tahun"],
        tempat=tempat.strip(),
        tanggal=tanggal.strip(),
        penandatangan=Penandatangan(**data["penandatangan"]),
        tabel31=Tabel(
            kind=TabelKind.TABEL_31,
            sheet="Tabel 3.1",
            baris=[_baris(r) for r in data["tabel31"]],
        ),
        tabel41=Tabel(
            kind=TabelKind.TABEL_41,
            sheet="Tabel 4.1",
            baris=[_baris(r) for r in data["tabel41"]],
        ),
    )
