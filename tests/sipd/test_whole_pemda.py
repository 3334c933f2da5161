"""Acceptance: the real Kabupaten Buru exports (APBD 2024 as N, KUA-PPAS 2025 as N+1) to one
workbook per Perangkat Daerah, nothing lost, exact to the sen, as Excel would show it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.model import Level
from renja_xl.sipd import group, plan_renja, read_exports
from renja_xl.summary import summarize
from renja_xl.validasi import validate
from renja_xl.workbook.reader import load
from tests.sipd.exports import APBD_2024, HEADER, KUA_PPAS_2025, real_lines, write_export


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "renja_xl", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def _expected() -> dict[str, dict[str, object]]:
    """Per SKPD code, straight from the export cells: each year's sum, and the pairs."""
    found: dict[str, dict[str, object]] = defaultdict(
        lambda: {"nama": "", "pagu": [Decimal(0), Decimal(0)], "pairs": set()})
    for year, path in enumerate((APBD_2024, KUA_PPAS_2025)):
        for row in real_lines(path):
            entry = found[row["KODE SKPD"]]
            entry["nama"] = entry["nama"] or row["NAMA SKPD"]
            if row["PAGU"] != "":
                entry["pagu"][year] += Decimal(repr(row["PAGU"]))
            entry["pairs"].add((row["KODE SUB UNIT"], row["KODE SUB KEGIATAN"]))
    return found


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("impor") / "renja"
    result = _run("impor-sipd", APBD_2024, "--maju", KUA_PPAS_2025, "--keluar", folder,
                  "--workers", "2")
    assert result.returncode == 0, result.stderr
    return folder, result.stdout


def it_writes_every_perangkat_daerah_with_the_exports_totals(imported: tuple[Path, str]) -> None:
    folder, stdout = imported
    expected = _expected()
    books = sorted(folder.glob("*.xlsx"))
    assert len(books) == len(expected) == 43
    assert "Rp 866.035.384.427 (tahun N), Rp 1.014.404.875.283,72 (tahun N+1)" in stdout
    totals = [0, 0]
    by_name: dict[str, list] = defaultdict(list)
    for entry in expected.values():
        by_name[entry["nama"]].append(entry)
    for book in books:
        renja = load(book)
        counts = summarize(renja).tables[0].counts
        candidates = by_name[renja.opd]
        assert any(
            (counts.total_pagu or 0) == e["pagu"][0]
            and (counts.total_pagu_maju or 0) == e["pagu"][1]
            and counts.sub_kegiatan == len(e["pairs"])
            for e in candidates
        ), (book.name, counts)
        totals[0] += counts.total_pagu or 0
        totals[1] += counts.total_pagu_maju or 0
        # No pagu.* error, nor any other (a sub kegiatan per sub unit is no duplicate kode).
        assert [(f.code, f.message) for f in validate(book).errors] == [], book.name
    assert totals == [866_035_384_427, Decimal("1014404875283.72")]


def it_summarises_a_workbook_with_sen_exactly_in_json(imported: tuple[Path, str]) -> None:
    folder, _ = imported
    book = folder / "Renja 2024 Badan Perencanaan Pembangunan Daerah.xlsx"
    result = _run("ringkasan", book, "--json")
    assert result.returncode == 0, result.stderr
    assert '"total_pagu_maju": 5851767489.72' in result.stdout
    table = json.loads(result.stdout, parse_float=Decimal)["tables"][0]
    assert (table["total_pagu"], table["total_pagu_maju"]) == (
        9_327_166_812, Decimal("5851767489.72"))


@pytest.mark.libreoffice
def it_shows_the_same_jumlah_after_libreoffice_recalculates(
        imported: tuple[Path, str], recalculate) -> None:
    folder, _ = imported
    for name in ("Renja 2024 Badan Perencanaan Pembangunan Daerah.xlsx",
                 "Renja 2024 Dinas Kesehatan.xlsx"):
        renja = load(folder / name)
        jumlah = renja.tabel31.jumlah
        sheet = load_workbook(recalculate(folder / name), data_only=True)["Tabel 3.1"]
        shown = [sheet[f"{col}{jumlah.asal.row}"].value for col in ("F", "J")]
        assert [Decimal(repr(v)) for v in shown] == [jumlah.pagu, jumlah.pagu_maju], name


def it_reads_an_export_with_reordered_and_extra_columns_the_same(tmp_path: Path) -> None:
    header = ["KETERANGAN", *HEADER[::-1], "PAKET/KELOMPOK"]
    reshaped = write_export(tmp_path / "ekspor.xlsx", real_lines(APBD_2024), header=header,
                            title="REKAP APBD MURNI 2024", other_sheet_first=True)
    original, again = read_exports(APBD_2024), read_exports(reshaped)

    def renja_of(exports):
        return [plan_renja(r, 2024, maju=False).model_dump(exclude={"tabel31": {"sheet"}})
                for r in group(exports).values()]

    first, second = renja_of(original), renja_of(again)
    assert len(first) == 43 - 1  # one SKPD exists only in 2025
    assert first == second
    assert sum(len(r["tabel31"]["baris"]) for r in first) > 2_189
    assert all(r["tabel31"]["baris"][-1]["level"] == Level.JUMLAH for r in first)
