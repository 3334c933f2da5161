"""Known codes beside the regulation: the packaged SIPD list, a CSV list, a SIPD export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from renja_xl.errors import RenjaError
from renja_xl.nomenklatur import default
from renja_xl.nomenklatur.known import known_codes
from renja_xl.sipd import group, plan_renja, read_export, read_exports
from renja_xl.validasi import validate
from renja_xl.validasi.config import Config, config_from_mapping
from renja_xl.workbook.writer import write
from tests.sipd.exports import APBD_2024, KUA_PPAS_2025

_NEWER = "1.01.02.2.01.0054"  # in the 2025 export, not in 1317/2023


def _codes(path: Path) -> set[str]:
    rows = read_export(path).rows
    return {c for r in rows for c in (r.kode_bidang, r.kode_program, r.kode_kegiatan,
                                       r.kode_sub_kegiatan)}


def it_keeps_the_observed_codes_apart_from_the_regulation() -> None:
    packaged = known_codes("sipd_buru")
    assert _codes(APBD_2024) | _codes(KUA_PPAS_2025) <= packaged.codes
    assert _NEWER in packaged and default().get(_NEWER) is None
    assert "SIPD" in packaged.label


def it_reports_no_code_of_the_2024_export_unknown() -> None:
    exports = read_exports(APBD_2024)
    found = [f for r in group(exports).values()
             for f in validate(plan_renja(r, 2024, maju=False)).by_code("kode.unknown")]
    assert found == []


def _plan_2025():
    (rencana,) = [r for r in group(read_exports(KUA_PPAS_2025)).values()
                  if any(k[1] == _NEWER for k in r.sub_kegiatan)]
    return plan_renja(rencana, 2025, maju=False)


def it_says_which_lists_it_checked_and_that_the_plan_may_be_newer() -> None:
    found = validate(_plan_2025(), Config(extra_nomenklatur=())).by_code("kode.unknown")
    message = next(f.message for f in found if f"\"{_NEWER}\"" in f.message)
    assert "nomenklatur Kepmendagri 900.1.15.5-1317/2023" in message
    assert "Renja tahun 2025 bisa memakai nomenklatur yang lebih baru" in message


def it_takes_a_csv_list_or_a_sipd_export_as_known_codes(tmp_path: Path) -> None:
    plan = _plan_2025()
    csv_list = tmp_path / "kode.csv"
    csv_list.write_text(f"kode,nama\n{_NEWER},Baru\n", encoding="utf-8")
    for source in (str(csv_list), str(KUA_PPAS_2025)):
        config = Config(extra_nomenklatur=(source,))
        assert not [f for f in validate(plan, config).by_code("kode.unknown")
                    if f"\"{_NEWER}\"" in f.message], source
    assert config_from_mapping({"batas": {"nomenklatur_tambahan": [str(csv_list)]}}
                               ).extra_nomenklatur == ("sipd_buru", str(csv_list))


def it_refuses_a_list_without_a_kode_column(tmp_path: Path) -> None:
    bad = tmp_path / "daftar.csv"
    bad.write_text("nama\nx\n", encoding="utf-8")
    with pytest.raises(RenjaError, match="kolom 'kode'"):
        known_codes(bad)


def it_names_an_extra_list_on_the_command_line(tmp_path: Path) -> None:
    plan = _plan_2025()
    fresh = "1.01.02.2.01.0099"  # in no list
    row = next(b for b in plan.tabel31.baris if b.kode == _NEWER)
    row.kode = fresh
    book = write(plan, tmp_path / "renja.xlsx")
    csv_list = tmp_path / "kode.csv"
    csv_list.write_text(f"kode\n{fresh}\n", encoding="utf-8")
    run = lambda *extra: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "renja_xl", "validasi", str(book), "--json", *extra],
        capture_output=True, text=True, timeout=120).stdout
    assert f'"actual": "{fresh}"' in run()
    assert fresh not in run("--nomenklatur", str(csv_list))
