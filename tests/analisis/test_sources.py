"""What an analysis reads: Renja objects, workbooks, folders and lists of them."""

import shutil
from pathlib import Path

import pytest

from renja_xl.analisis import expand_sources, load_sources
from renja_xl.errors import RenjaError
from renja_xl.example import load_example


def test_a_folder_gives_its_workbooks_in_name_order_skipping_locks_and_backups(
    dharmasraya_xlsx: Path, tmp_path: Path
) -> None:
    for name in ("b.xlsx", "a.xlsx", "~$a.xlsx", "a.cadangan-20240101.xlsx"):
        shutil.copy(dharmasraya_xlsx, tmp_path / name)
    (tmp_path / "catatan.txt").write_text("bukan buku kerja")
    assert [p.name for p in expand_sources(tmp_path)] == ["a.xlsx", "b.xlsx"]


def test_a_list_mixes_renja_files_and_folders(dharmasraya_xlsx: Path) -> None:
    renja = load_example()
    expanded = expand_sources([renja, str(dharmasraya_xlsx), dharmasraya_xlsx.parent])
    assert expanded[0] is renja
    assert expanded[1:] == [dharmasraya_xlsx, dharmasraya_xlsx]


def test_loading_keeps_the_file_each_renja_came_from(dharmasraya_xlsx: Path) -> None:
    loaded = load_sources([load_example(), dharmasraya_xlsx])
    assert [item.file for item in loaded] == [None, dharmasraya_xlsx]
    assert loaded[1].renja.opd_singkat == "DINSOSP3APPKB"


def test_an_empty_folder_or_missing_file_is_refused_in_indonesian(tmp_path: Path) -> None:
    with pytest.raises(RenjaError, match="tidak memuat buku kerja"):
        expand_sources(tmp_path)
    with pytest.raises(RenjaError, match="tidak ditemukan"):
        expand_sources(tmp_path / "tidak_ada.xlsx")
