"""Sen, end to end: from the model to the workbook, back, and out of `ringkasan`."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

from renja_xl.model import Baris, Level, Renja, Tabel, TabelKind
from renja_xl.summary import summarize
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write

_SEN = Decimal("11847012.01")
_BIG = Decimal("1014404875283.72")


def _renja() -> Renja:
    rows = [
        Baris(level=Level.PROGRAM, kode="1.02.02", uraian="PROGRAM PEMENUHAN UPAYA KESEHATAN"),
        Baris(level=Level.KEGIATAN, kode="1.02.02.2.01", uraian="Penyediaan Fasilitas"),
        Baris(level=Level.SUB_KEGIATAN, kode="1.02.02.2.01.0001", uraian="Pembangunan Puskesmas",
              pagu=_SEN, pagu_maju=_BIG, sumber_dana="DAU"),
        Baris(level=Level.SUB_KEGIATAN, kode="1.02.02.2.01.0002", uraian="Rehabilitasi Puskesmas",
              pagu=Decimal("0.99"), pagu_maju=1_000, sumber_dana="DAU"),
        Baris(level=Level.JUMLAH, uraian="JUMLAH"),
    ]
    return Renja(pemda="Kabupaten Buru", opd="Dinas Kesehatan", tahun=2024,
                 tabel31=Tabel(kind=TabelKind.TABEL_31, baris=rows))


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "sen.xlsx"
    write(_renja(), path)
    return path


def it_writes_an_amount_with_sen_as_a_double_that_reads_back_exactly(tmp_path: Path) -> None:
    path = _written(tmp_path)
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>11847012.01</v>" in sheet and "<v>1014404875283.72</v>" in sheet
    rows = load(path).tabel31.rows(Level.SUB_KEGIATAN)
    assert rows[0].pagu == _SEN and rows[0].pagu_maju == _BIG
    assert isinstance(rows[0].pagu, Decimal)
    assert type(rows[1].pagu_maju) is int


def it_adds_subtotals_up_to_the_sen(tmp_path: Path) -> None:
    tabel = load(_written(tmp_path)).tabel31
    assert tabel.jumlah.pagu == Decimal("11847013.00") and type(tabel.jumlah.pagu) is int
    assert tabel.jumlah.pagu_maju == _BIG + 1_000
    counts = summarize(load(_written(tmp_path))).tables[0].counts
    assert counts.total_pagu == 11_847_013 and counts.total_pagu_maju == _BIG + 1_000


def _ringkasan(path: Path, *options: str) -> str:
    result = subprocess.run([sys.executable, "-m", "renja_xl", "ringkasan", str(path), *options],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def it_prints_sen_in_ringkasan_text_and_json_exactly(tmp_path: Path) -> None:
    path = _written(tmp_path)
    text = _ringkasan(path)
    assert "Rp 11.847.013,-" in text
    assert "Rp 1.014.404.876.283,72" in text
    raw = _ringkasan(path, "--json")
    assert '"total_pagu_maju": 1014404876283.72' in raw
    table = json.loads(raw, parse_float=Decimal)["tables"][0]
    assert table["total_pagu_maju"] == _BIG + 1_000
    assert table["per_program"][0]["pagu_maju"] == _BIG + 1_000


def it_keeps_sen_exact_in_the_analysis_frame() -> None:
    from renja_xl.analisis import to_frame

    frame = to_frame(_renja())
    assert list(frame["pagu"]) == [_SEN, Decimal("0.99")]
    assert list(frame["selisih"]) == [_BIG - _SEN, Decimal("999.01")]
    assert sum(frame["pagu"]) == Decimal("11847013.00")


def it_writes_sen_to_parquet_as_exact_decimals(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from renja_xl.bulk import tidy_rows, write_parquet

    rows = tidy_rows(_renja(), tmp_path / "sen.xlsx").rows
    table = pq.read_table(write_parquet(rows, tmp_path / "sen.parquet"))
    assert table.column("pagu").to_pylist() == [_SEN, Decimal("0.99")]
    assert table.column("pagu_maju").to_pylist()[0] == _BIG
