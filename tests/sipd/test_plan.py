"""One Renja per Perangkat Daerah, its hierarchy from the codes, exact to the sen."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from renja_xl.model import Level, Renja
from renja_xl.sipd import group, plan_renja, read_exports
from tests.sipd.exports import BOK, DINKES, PUSKESMAS, line, write_export

_A, _B = "1.02.02.2.01.0001", "1.02.02.2.01.0002"
_OTHER_BIDANG = "2.08.02.2.01.0003"


def _renja(tmp_path: Path, now: list, later: list | None = None) -> Renja:
    n = write_export(tmp_path / "n.xlsx", now)
    m = write_export(tmp_path / "m.xlsx", later) if later is not None else None
    exports = read_exports(n, m)
    (rencana,) = group(exports).values()
    return plan_renja(rencana, exports[0].tahun, maju=m is not None)


def _shape(renja: Renja) -> list[tuple[str, str]]:
    return [(b.level.value, b.kode) for b in renja.tabel31]


def it_builds_the_hierarchy_from_the_codes_keeping_bidang_apart_in_code_order(
        tmp_path: Path) -> None:
    renja = _renja(tmp_path, [line(2024, DINKES, _OTHER_BIDANG, 3),
                              line(2024, DINKES, _B, 2), line(2024, DINKES, _A, 1)])
    assert _shape(renja) == [
        ("bidang", "1.02"), ("program", "1.02.02"), ("kegiatan", "1.02.02.2.01"),
        ("sub_kegiatan", _A), ("sub_kegiatan", _B),
        ("bidang", "2.08"), ("program", "2.08.02"), ("kegiatan", "2.08.02.2.01"),
        ("sub_kegiatan", _OTHER_BIDANG), ("jumlah", ""),
    ]
    assert renja.opd == "Dinas Kesehatan" and renja.tahun == 2024
    assert renja.tabel31.jumlah.pagu == 6


def it_sums_pagu_over_sources_and_accounts_to_the_sen_and_names_the_sources(
        tmp_path: Path) -> None:
    renja = _renja(tmp_path, [
        line(2024, DINKES, _A, 11847012.01),
        line(2024, DINKES, _A, 0.99, sumber=BOK, rekening="5.1.02.01.01.0002"),
        line(2024, DINKES, _A, 1_000),
        line(2024, DINKES, _B, None),
    ])
    a, b = renja.tabel31.rows(Level.SUB_KEGIATAN)
    assert a.pagu == 11_848_013 and type(a.pagu) is int
    assert a.sumber_dana == "Dana Transfer Umum-Dana Alokasi Umum; " \
                           "DAK Non Fisik-Dana BOK-BOK Puskesmas"
    assert b.pagu is None
    assert renja.tabel31.jumlah.pagu == 11_848_013


def it_keeps_one_row_per_sub_unit_and_names_the_sub_unit_on_it(tmp_path: Path) -> None:
    renja = _renja(tmp_path, [line(2024, DINKES, _A, Decimal("1.50")),
                              line(2024, PUSKESMAS, _A, 2)])
    rows = renja.tabel31.rows(Level.SUB_KEGIATAN)
    assert [(r.kode, r.catatan, r.pagu) for r in rows] == [
        (_A, "Sub unit: Dinas Kesehatan", Decimal("1.5")),
        (_A, "Sub unit: Puskesmas Namlea", 2),
    ]


def it_takes_year_n_plus_1_from_the_next_export_by_sub_unit_and_code(tmp_path: Path) -> None:
    renja = _renja(
        tmp_path,
        [line(2024, PUSKESMAS, _A, 100), line(2024, PUSKESMAS, _B, 200)],
        [line(2025, PUSKESMAS, _A, Decimal("150.25")), line(2025, PUSKESMAS, _OTHER_BIDANG, 7)],
    )
    rows = {r.kode: (r.pagu, r.pagu_maju) for r in renja.tabel31.rows(Level.SUB_KEGIATAN)}
    assert rows == {_A: (100, Decimal("150.25")), _B: (200, None), _OTHER_BIDANG: (None, 7)}
    assert renja.tabel31.jumlah.pagu_maju == Decimal("157.25")
    kode41 = [r.kode for r in renja.tabel41.rows(Level.SUB_KEGIATAN)]
    assert kode41 == [_A, _B]  # Tabel 4.1: year N
    assert all(r.pagu_maju is None for r in renja.tabel41)


def it_lets_validasi_accept_one_sub_kegiatan_per_sub_unit_but_no_other_duplicate(
        tmp_path: Path) -> None:
    from renja_xl.validasi import validate

    renja = _renja(tmp_path, [line(2024, DINKES, _A, 1), line(2024, PUSKESMAS, _A, 2)])
    assert [r.sub_unit for r in renja.tabel31.rows(Level.SUB_KEGIATAN)] == [
        "Dinas Kesehatan", "Puskesmas Namlea"]
    assert validate(renja).by_code("kode.duplicate") == []
    for row in renja.tabel31.rows(Level.SUB_KEGIATAN):
        row.catatan = ""
    assert len(validate(renja).by_code("kode.duplicate")) == 1
