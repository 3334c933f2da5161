"""Synthetic Renja: realistic, consistent, reproducible, with faults described as data."""

from decimal import Decimal
from pathlib import Path

import pytest

from renja_xl.errors import LayoutNotFoundError, WorkbookError
from renja_xl.example import load_example
from renja_xl.model import Level
from renja_xl.recompute import count, recompute
from renja_xl.validasi import Severity, validate
from renja_xl.workbook.reader import load
from tests.support.synthetic import (
    BrokenKind,
    FaultKind,
    generate,
    write_synthetic,
    write_synthetic_folder,
)

REAL = load_example().tabel31
REAL_SUBS = {b.uraian for b in REAL.rows(Level.SUB_KEGIATAN)}
REAL_PROGRAMS = {b.uraian for b in REAL.rows(Level.PROGRAM)}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_synthetic_renja_adds_up_by_construction(seed):
    tabel = generate(seed).renja.tabel31
    assert recompute(tabel) == []
    counts = count(tabel)
    subs = tabel.rows(Level.SUB_KEGIATAN)
    assert counts.total_pagu == sum(s.pagu for s in subs) == tabel.jumlah.pagu
    assert counts.total_pagu_maju == sum(s.pagu_maju for s in subs) == tabel.jumlah.pagu_maju


def test_it_is_made_of_the_real_rows():
    tabel = generate(11, rows=500).renja.tabel31
    assert {b.uraian for b in tabel.rows(Level.SUB_KEGIATAN)} <= REAL_SUBS
    assert {b.uraian for b in tabel.rows(Level.PROGRAM)} <= REAL_PROGRAMS
    assert len({b.uraian for b in tabel.rows(Level.PROGRAM)}) > 5


def test_pagu_are_whole_thousands_and_grow_by_0_5_or_10_percent():
    for sub in generate(5, rows=400).renja.tabel31.rows(Level.SUB_KEGIATAN):
        assert sub.pagu % 1000 == 0 and sub.pagu >= 1_000_000
        assert sub.pagu_maju * 100 in {sub.pagu * 100, sub.pagu * 105, sub.pagu * 110}


def test_growth_rates_are_mixed():
    subs = generate(8, rows=300).renja.tabel31.rows(Level.SUB_KEGIATAN)
    rates = {Decimal(s.pagu_maju * 100) / s.pagu - 100 for s in subs}
    assert rates == {0, 5, 10}


@pytest.mark.parametrize("rows", [30, 300, 10_000])
def test_it_makes_the_size_asked_for(rows):
    tabel = generate(1, rows=rows).renja.tabel31
    assert rows <= len(tabel) <= rows + 100
    assert tabel.baris[-1].level is Level.JUMLAH


def test_default_sizes_vary_between_30_and_400_rows():
    sizes = [len(generate(seed).renja.tabel31) for seed in range(40)]
    assert min(sizes) < 80 and max(sizes) > 200
    assert all(30 <= s <= 500 for s in sizes)


def test_the_same_seed_gives_the_same_renja():
    assert generate(42).renja == generate(42).renja
    assert generate(42).renja != generate(43).renja


def test_agencies_and_pemda_vary():
    names = {(generate(seed).renja.pemda, generate(seed).renja.opd_singkat) for seed in range(20)}
    assert len(names) > 10


def test_tabel_41_repeats_the_year_n_half_of_tabel_31():
    renja = generate(9).renja
    t31, t41 = renja.tabel31, renja.tabel41
    assert [(b.uraian, b.pagu) for b in t41] == [(b.uraian, b.pagu) for b in t31]
    assert all(b.pagu_maju is None for b in t41)


def test_a_clean_synthetic_renja_has_no_validasi_error():
    for seed in range(5):
        report = validate(generate(seed).renja)
        assert [f.code for f in report.findings if f.severity is Severity.ERROR] == []


@pytest.mark.parametrize("kind", list(FaultKind))
def test_each_planted_fault_is_recorded_and_found_by_validasi(kind):
    synthetic = generate(21, faults=[kind])
    [fault] = synthetic.faults
    row = synthetic.renja.tabel31.baris[fault.index]
    assert fault.kind is kind
    if kind is not FaultKind.TEXT_IN_PAGU:
        assert getattr(row, fault.field) in (fault.actual, "")
    assert fault.code in {f.code for f in validate(synthetic.renja).findings}


def test_faults_planted_together_are_each_found():
    kinds = [k for k in FaultKind if k is not FaultKind.JUMLAH_RANGE]
    synthetic = generate(4, faults=kinds)
    found = {f.code for f in validate(synthetic.renja).findings}
    assert {f.code for f in synthetic.faults} <= found
    assert len({f.index for f in synthetic.faults}) == len(kinds)


def test_a_written_synthetic_renja_reads_back_with_its_totals(workbook_dir: Path):
    synthetic = generate(6)
    renja = load(write_synthetic(synthetic, workbook_dir / "s.xlsx"))
    original = synthetic.renja.tabel31
    assert [(b.level, b.uraian, b.pagu, b.pagu_maju) for b in renja.tabel31] == [
        (b.level, b.uraian, b.pagu, b.pagu_maju) for b in original
    ]
    assert renja.pemda == synthetic.renja.pemda


@pytest.mark.parametrize("kind", list(FaultKind))
def test_a_written_fault_is_found_in_the_file(kind, workbook_dir: Path):
    synthetic = generate(13, faults=[kind])
    renja = load(write_synthetic(synthetic, workbook_dir / "f.xlsx"), strict=False)
    assert synthetic.faults[0].code in {f.code for f in validate(renja).findings}


def test_a_folder_holds_good_and_broken_files(workbook_dir: Path):
    folder = write_synthetic_folder(workbook_dir, 7, broken=3, seed=3, rows=(30, 60))
    assert len(folder.files) == 7 and len(folder.good) == 4
    assert sorted(folder.broken.values()) == sorted(BrokenKind)
    assert sorted(workbook_dir.iterdir()) == sorted(folder.files)
    for path in folder.good:
        assert load(path).tabel31.jumlah.pagu == folder.synthetic[path].renja.tabel31.jumlah.pagu
    for path, kind in folder.broken.items():
        expected = LayoutNotFoundError if kind is BrokenKind.NO_HEADER else WorkbookError
        with pytest.raises(expected):
            load(path)


def test_a_folder_is_the_same_for_the_same_seed(tmp_path: Path):
    one = write_synthetic_folder(tmp_path / "a", 3, seed=5, rows=30)
    two = write_synthetic_folder(tmp_path / "b", 5, seed=5, rows=30)
    assert [p.name for p in one.files] == [p.name for p in two.files][:3]
    for path, synthetic in one.synthetic.items():
        assert two.synthetic[tmp_path / "b" / path.name].renja == synthetic.renja
    three = write_synthetic_folder(tmp_path / "c", 3, seed=6, rows=30)
    assert [p.name for p in three.files] != [p.name for p in one.files]
