"""Lookups in the default nomenclature (Kepmendagri 900.1.15.5-1317/2023, real data)."""

import pytest

from renja_xl.nomenklatur import Entry, Metadata, default


@pytest.fixture(scope="module")
def nomenklatur():
    return default()


def test_get_by_code(nomenklatur):
    entry = nomenklatur.get("1.06.04.2.01.0001")
    assert entry == Entry(
        "1.06.04.2.01.0001", "sub_kegiatan", "Penyediaan Permakanan", "1.06.04.2.01"
    )
    assert nomenklatur.get("1.06.04.2.01.9999") is None


def test_tree_navigation(nomenklatur):
    assert nomenklatur.parent("1.06.04.2.01.0001").nama.startswith("Rehabilitasi Sosial Dasar")
    assert nomenklatur.parent("1.06.04").kode == "1.06"
    assert [e.kode for e in nomenklatur.children("1.06.04")] == ["1.06.04.2.01", "1.06.04.2.02"]
    assert len(nomenklatur.children("1.06.04.2.01")) == 12


def test_counts_per_level_match_the_source(nomenklatur):
    levels = {}
    for kode in ("1", "1.06", "1.06.04", "1.06.04.2.01", "1.06.04.2.01.0001"):
        levels[nomenklatur.kode_level(kode)] = kode in nomenklatur
    assert all(levels.values())
    assert len(nomenklatur) == 9559


def test_metadata_of_a_sub_kegiatan(nomenklatur):
    metadata = nomenklatur.metadata("1.06.04.2.01.0001")
    assert isinstance(metadata, Metadata)
    assert metadata.satuan == "Orang"
    assert "Permakanan" in metadata.indikator
    assert nomenklatur.metadata("1.06.04") is None


def test_same_name_under_two_kegiatan_is_decided_by_parent(nomenklatur):
    both = nomenklatur.find_by_name("penyediaan permakanan", level="sub_kegiatan")
    assert [e.kode for e in both] == ["1.06.04.2.01.0001", "1.06.04.2.02.0003"]
    first = nomenklatur.find_by_name("Penyediaan Permakanan", parent="1.06.04.2.01")
    second = nomenklatur.find_by_name("Penyediaan Permakanan", parent="1.06.04.2.02")
    assert [e.kode for e in first] == ["1.06.04.2.01.0001"]
    assert [e.kode for e in second] == ["1.06.04.2.02.0003"]


def test_program_penunjang_is_found_under_every_bidang(nomenklatur):
    found = nomenklatur.find_by_name(
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", level="program"
    )
    codes = {e.kode for e in found}
    assert {"1.06.01", "2.08.01", "2.14.01", "X.XX.01"} <= codes
    assert len(codes) == 45
    assert [e.kode for e in found if e.parent_kode == "2.08"] == ["2.08.01"]


def test_program_names_match_with_or_without_the_word_program(nomenklatur):
    assert [e.kode for e in nomenklatur.find_by_name("Rehabilitasi Sosial")] == ["1.06.04"]
    assert [e.kode for e in nomenklatur.find_by_name("PROGRAM REHABILITASI SOSIAL")] == ["1.06.04"]
    assert nomenklatur.find_by_name("Rehabilitasi Sosial", level="kegiatan") == []


def test_levels_for_name(nomenklatur):
    typed = "Perencanaan, Penganggaran, dan evaluasi kinerja perangkat Daerah"
    assert nomenklatur.levels_for_name(typed) == frozenset({"kegiatan"})
    assert nomenklatur.levels_for_name("PROGRAM PEMBERDAYAAN SOSIAL") == frozenset({"program"})
    assert nomenklatur.levels_for_name("penyediaan permakanan") == frozenset({"sub_kegiatan"})
    assert nomenklatur.levels_for_name("BIDANG SEKRETARIAT") == frozenset()


def test_candidates_rank_a_misspelt_name_within_its_parent(nomenklatur):
    found = nomenklatur.candidates("Penyediaan Perumahan", "sub_kegiatan", parent="1.06.04.2.01")
    assert len(found) == 3
    best, score = found[0]
    assert best.kode == "1.06.04.2.01.0001"
    assert 80 <= score < 100
    assert all(e.parent_kode == "1.06.04.2.01" for e, _ in found)
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


def test_candidates_forgive_a_truncated_name(nomenklatur):
    typed = "Pengendalian dan pendistribusian kebutuhan alat dan obat kontrasepsi serta pelaksanaan"
    (best, score), *_ = nomenklatur.candidates(typed, "kegiatan", parent="2.14.03")
    assert best.kode == "2.14.03.2.03"
    assert score > 90


def test_exact_name_scores_100(nomenklatur):
    (best, score), *_ = nomenklatur.candidates("PROGRAM REHABILITASI SOSIAL", "program")
    assert (best.kode, score) == ("1.06.04", 100)
