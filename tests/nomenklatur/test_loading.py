"""Versions, lazy loading and the data shipped inside the package."""

import subprocess
import sys

import pytest

import renja_xl.nomenklatur as nomenklatur_api
from renja_xl.nomenklatur import DEFAULT_VERSION, VERSIONS, default, load, normalize_name
from renja_xl.nomenklatur.loading import name_levels, name_levels_of_rows


def test_nothing_is_read_at_import():
    code = (
        "import renja_xl.nomenklatur.loading as m, renja_xl.nomenklatur;"
        "print(m.load.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


def test_default_is_cached_main_set():
    assert default() is default() is load(DEFAULT_VERSION)
    assert default().version == "Kepmendagri 900.1.15.5-1317/2023"
    assert VERSIONS[0] == DEFAULT_VERSION


def test_draft_2027_is_a_separate_version_with_penunjang_expanded():
    draft = load("Pemutakhiran 2027 (draf) kabupaten/kota")
    assert draft is not default()
    penunjang = draft.get("2.14.01.2.01.0001")
    assert penunjang is not None
    assert penunjang.nama == draft.get("X.XX.01.2.01.0001").nama
    assert draft.metadata("2.14.01.2.01.0001") == draft.metadata("X.XX.01.2.01.0001")


def test_provinsi_draft_uses_provinsi_kegiatan():
    provinsi = load("Pemutakhiran 2027 (draf) provinsi")
    kegiatan_digits = {e.kode.split(".")[3] for e in provinsi.children("1.06.04")}
    assert "1" in kegiatan_digits
    assert "2" not in kegiatan_digits


def test_unknown_version_is_refused_in_indonesian():
    with pytest.raises(ValueError, match="Versi nomenklatur tidak dikenal"):
        load("Permendagri 90/2019")


def test_exported_members():
    public = {name for name in dir(nomenklatur_api) if not name.startswith("_")}
    assert set(nomenklatur_api.__all__) == public - {
        "codes",
        "entry",
        "filling",
        "hasil",
        "known",
        "loading",
        "lookup",
        "matching",
        "names",
        "similarity",
    }


@pytest.mark.parametrize("version", VERSIONS)
def test_the_name_index_for_level_inference_is_the_nomenclature_s_own(version: str) -> None:
    names, official = name_levels(version), load(version)
    assert len(names) > 1000
    assert all(official.levels_for_name(name) == levels for name, levels in names.items())


@pytest.mark.parametrize("version", VERSIONS)
def test_the_packaged_name_index_is_the_one_made_from_the_nomenclature_rows(version: str) -> None:
    """Out of date after a nomenclature file changed: run scripts/nomenklatur_nama.py."""
    assert name_levels(version) == name_levels_of_rows(version)


def test_a_name_is_found_at_its_official_levels() -> None:
    names = name_levels()
    assert names[normalize_name("PENYEDIAAN  permakanan")] == frozenset({"sub_kegiatan"})
    assert names[normalize_name("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")] == (
        frozenset({"program"}))
