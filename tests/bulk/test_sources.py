"""Which files a bulk command takes: files named, workbooks found in folders."""

from pathlib import Path

import pytest

from renja_xl.bulk import find_workbooks, output_name, plan_tahun_depan
from renja_xl.errors import RenjaError


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_folders_are_searched_to_the_bottom_in_name_order(tmp_path: Path):
    b = _touch(tmp_path / "dinas" / "b.xlsx")
    a = _touch(tmp_path / "dinas" / "a.xlsm")
    c = _touch(tmp_path / "dinas" / "sub" / "c.xlsx")
    assert find_workbooks([tmp_path / "dinas"]) == [a.resolve(), b.resolve(), c.resolve()]


def test_lock_hidden_backup_and_other_files_are_skipped(tmp_path: Path):
    good = _touch(tmp_path / "renja.xlsx")
    for name in ("~$renja.xlsx", ".renja.xlsx", "renja.cadangan-20240101-000000.xlsx",
                 "catatan.txt", ".tersembunyi/renja.xlsx"):
        _touch(tmp_path / name)
    assert find_workbooks([tmp_path]) == [good.resolve()]


def test_a_file_named_twice_counts_once(tmp_path: Path):
    path = _touch(tmp_path / "renja.xlsx")
    assert find_workbooks([path, tmp_path, path]) == [path.resolve()]


def test_a_missing_path_is_refused(tmp_path: Path):
    with pytest.raises(RenjaError, match="tidak ditemukan"):
        find_workbooks([tmp_path / "tidak_ada"])


def test_output_names_carry_the_new_year():
    assert output_name(Path("Renja_DINSOS_2023.xlsm"), 2024) == "Renja_DINSOS_2024.xlsx"
    assert output_name(Path("renja dinsos.xlsx"), 2024) == "renja dinsos_2024.xlsx"
    assert output_name(Path("20231_renja.xlsx"), 2024) == "20231_renja_2024.xlsx"


def test_clashing_names_take_their_folder_name(tmp_path: Path):
    a = _touch(tmp_path / "agam" / "renja_2023.xlsx")
    b = _touch(tmp_path / "solok" / "renja_2023.xlsx")
    jobs = plan_tahun_depan([a, b], tmp_path / "keluar", 2024)
    assert [j.output.name for j in jobs] == ["agam_renja_2024.xlsx", "solok_renja_2024.xlsx"]


def test_an_output_that_would_overwrite_an_input_is_refused(tmp_path: Path):
    a = _touch(tmp_path / "renja_2023.xlsx")
    b = _touch(tmp_path / "renja_2024.xlsx")
    with pytest.raises(RenjaError, match="akan menimpa berkas masukan"):
        plan_tahun_depan([a, b], tmp_path, 2024)
