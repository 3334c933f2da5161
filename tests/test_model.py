"""The domain model: rows made from checked values are the rows pydantic would validate."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from renja_xl.model import Asal, Baris, Level, RawCell, Target
from renja_xl.workbook.reader import load
from tests.support.printed import write_printed


def _fields() -> dict[str, object]:
    return {
        "level": Level.SUB_KEGIATAN, "kode": "1.06.02.2.01.0001", "uraian": "Penyusunan Dokumen",
        "indikator": "Jumlah dokumen", "lokasi": "Pulau Punjung",
        "target": Target.from_text("2 Dok"),
        "pagu": Decimal("11847012.01"), "sumber_dana": "DAU", "catatan": "",
        "target_maju": Target.from_text("3 Dok"), "pagu_maju": 12_000_000, "bold": False,
        "asal": Asal(sheet="Tabel 3.1", row=14),
        "raw": {"pagu": RawCell(ref="F14", value="11.847.012,01")}, "ambiguity": None,
    }


def test_a_row_from_checked_values_equals_the_validated_row() -> None:
    fields = _fields()
    made = Baris.from_checked(dict(fields))
    assert made == Baris(**fields)
    assert made.model_dump() == Baris(**fields).model_dump()
    assert made.model_fields_set == set(Baris.model_fields)


def test_rows_from_checked_values_keep_their_own_state() -> None:
    first, second = Baris.from_checked(_fields()), Baris.from_checked(_fields())
    first.pagu = 5
    assert second.pagu == Decimal("11847012.01")
    assert first.model_copy(update={"pagu": 7}).pagu == 7
    assert first.pagu == 5


def test_every_row_the_reader_makes_is_a_valid_row(tmp_path: Path) -> None:
    renja = load(write_printed(tmp_path / "renja.xlsx"))
    for tabel in renja.tabel:
        for row in tabel:
            assert row == Baris.model_validate(row.model_dump())
