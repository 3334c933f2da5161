"""Reading a SIPD export: by header name, on whatever sheet, exact PAGU, clear refusals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from renja_xl.errors import RenjaError
from renja_xl.sipd import NotAnExportError, read_export
from tests.sipd.exports import APBD_2024, HEADER, KUA_PPAS_2025, PUSKESMAS, line, write_export


def it_reads_the_real_2024_export_to_the_rupiah() -> None:
    export = read_export(APBD_2024)
    assert export.tahun == 2024
    assert len(export.rows) == 5_473
    assert export.total == 866_035_384_427
    assert len({(r.kode_sub_unit, r.kode_sub_kegiatan) for r in export.rows}) == 2_189


def it_keeps_the_sen_of_the_2025_export_exactly() -> None:
    export = read_export(KUA_PPAS_2025)
    assert export.tahun == 2025
    assert export.total == Decimal("1014404875283.72")
    assert Decimal("499997199.32") in {r.pagu for r in export.rows}


def it_finds_columns_by_name_on_a_sheet_beside_others(tmp_path: Path) -> None:
    header = ["PAKET/KELOMPOK", *reversed(HEADER), "CATATAN"]
    lines = [line(2025, PUSKESMAS, "1.02.02.2.01.0001", 11847012.01),
             line(2025, PUSKESMAS, "1.02.02.2.01.0002", None)]
    export = read_export(write_export(tmp_path / "e.xlsx", lines, header=header,
                                      title="Rekap APBD", other_sheet_first=True))
    assert export.sheet == "Sheet 1"
    assert [r.pagu for r in export.rows] == [Decimal("11847012.01"), None]
    assert export.rows[0].nama_sub_unit == "Puskesmas Namlea"


def it_names_the_missing_columns_of_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in ("PAGU", "KODE SUB KEGIATAN")]
    path = write_export(tmp_path / "bukan.xlsx", [line(2024, PUSKESMAS, "1.02.02.2.01.0001", 5)],
                        header=header)
    with pytest.raises(NotAnExportError) as caught:
        read_export(path)
    assert str(caught.value) == (
        "berkas bukan.xlsx: bukan ekspor SIPD: kolom KODE SUB KEGIATAN, PAGU tidak ditemukan")


def it_refuses_an_export_whose_tahun_differs_between_rows(tmp_path: Path) -> None:
    lines = [line(2024, PUSKESMAS, "1.02.02.2.01.0001", 5),
             line(2025, PUSKESMAS, "1.02.02.2.01.0002", 5)]
    message = r"TAHUN berbeda antarbaris: 2024 .*2025 \(mulai baris 3\)"
    with pytest.raises(RenjaError, match=message):
        read_export(write_export(tmp_path / "e.xlsx", lines))


def it_points_at_a_pagu_that_is_not_an_amount(tmp_path: Path) -> None:
    path = write_export(tmp_path / "e.xlsx", [line(2024, PUSKESMAS, "1.02.02.2.01.0001", "abc")])
    with pytest.raises(RenjaError, match="sel U2: PAGU 'abc' bukan angka rupiah"):
        read_export(path)
