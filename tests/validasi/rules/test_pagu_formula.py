"""pagu.formula_range: a parent's formula must add exactly the rows below it."""

from renja_xl.model import Asal, Baris, Level, RawCell, Renja, Tabel, TabelKind, Target
from renja_xl.validasi import validate

SHEET = "Tabel 4.1"
COLUMNS = {"kode": 1, "uraian": 2, "indikator": 3, "lokasi": 4, "target": 5, "pagu": 6,
           "sumber_dana": 7, "catatan": 8}


def _row(level: Level, uraian: str, row: int, pagu: int | None = None,
         formula: str | None = None) -> Baris:
    return Baris(
        level=level, uraian=uraian, indikator="Dokumen perencanaan", lokasi="Kabupaten",
        target=Target.from_text("1 Dokumen"), pagu=pagu, sumber_dana="DAU",
        asal=Asal(sheet=SHEET, row=row),
        raw={"pagu": RawCell(ref=f"F{row}", formula=formula)} if formula else {},
    )


def _renja(*baris: Baris) -> Renja:
    tabel = Tabel(kind=TabelKind.TABEL_41, sheet=SHEET, baris=list(baris), columns=COLUMNS)
    return Renja(tahun=2022, pemda="Kabupaten Dharmasraya", opd="DINSOSP3APPKB", tabel41=tabel)


def _findings(renja: Renja) -> list:
    return [f for f in validate(renja).findings if f.code == "pagu.formula_range"]


PROGRAM = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
KEGIATAN = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
SUB = "Penyusunan Dokumen Perencanaan Perangkat Daerah"


def it_accepts_subtotals_over_exactly_each_block() -> None:
    renja = _renja(
        _row(Level.PROGRAM, PROGRAM, 10, 100, "SUBTOTAL(9,F11:F12)"),
        _row(Level.KEGIATAN, KEGIATAN, 11, 100, "SUBTOTAL(9,F12:F12)"),
        _row(Level.SUB_KEGIATAN, SUB, 12, 100),
        _row(Level.JUMLAH, "JUMLAH", 13, 100, "SUBTOTAL(9,F10:F12)"),
    )
    assert _findings(renja) == []


def it_suggests_the_block_when_a_range_stops_short() -> None:
    renja = _renja(
        _row(Level.PROGRAM, PROGRAM, 10, 100, "SUBTOTAL(9,F11:F12)"),
        _row(Level.KEGIATAN, KEGIATAN, 11, 100, "SUBTOTAL(9,F12:F12)"),
        _row(Level.SUB_KEGIATAN, SUB, 12, 100),
        _row(Level.SUB_KEGIATAN, "Evaluasi Kinerja Perangkat Daerah", 13, 50),
        _row(Level.JUMLAH, "JUMLAH", 14, 150, "SUBTOTAL(9,F10:F13)"),
    )
    found = {f.cell: f for f in _findings(renja)}
    assert found["F11"].expected == "=SUBTOTAL(9,F12:F13)"
    assert found["F10"].expected == "=SUBTOTAL(9,F11:F13)"


def it_suggests_no_empty_formula_for_a_parent_with_nothing_below() -> None:
    renja = _renja(
        _row(Level.PROGRAM, PROGRAM, 10, 100, "SUBTOTAL(9,F11:F13)"),
        _row(Level.KEGIATAN, KEGIATAN, 11, 100, "SUBTOTAL(9,F12:F12)"),
        _row(Level.SUB_KEGIATAN, SUB, 12, 100),
        _row(Level.KEGIATAN, "Administrasi Keuangan Perangkat Daerah", 13, None,
             "SUBTOTAL(9,F14:F15)"),
        _row(Level.JUMLAH, "JUMLAH", 14, 100, "SUBTOTAL(9,F10:F13)"),
    )
    [finding] = _findings(renja)
    assert finding.cell == "F13" and finding.expected is None
    assert "tidak memiliki baris di bawahnya" in finding.message
    assert "seharusnya =" not in finding.message
