"""The tidy DataFrames: one row per sub kegiatan, kegiatan or program, money as Int64."""

from pathlib import Path

import pandas as pd
import pytest

from renja_xl.analisis import kegiatan_frame, load_frames, program_frame, to_frame
from renja_xl.errors import LayoutNotFoundError
from renja_xl.example import example_data, load_example
from renja_xl.model import Level, Renja

TOTAL_2022 = 14_428_928_570
TOTAL_2023 = 13_878_624_857


def _printed(level: str, table: str = "tabel31") -> list[dict]:
    return [row for row in example_data()[table] if row["level"] == level]


def _pagu_list(series: pd.Series) -> list[int | None]:
    return [None if pd.isna(v) else int(v) for v in series]


def test_the_dharmasraya_workbook_has_90_sub_kegiatan_summing_to_the_printed_jumlah(
    dharmasraya_xlsx: Path,
) -> None:
    frame = to_frame(dharmasraya_xlsx)
    assert len(frame) == 90
    assert frame["pagu"].sum() == TOTAL_2022
    assert frame["pagu_maju"].sum() == TOTAL_2023


def test_money_columns_are_nullable_integers_never_float(dharmasraya_xlsx: Path) -> None:
    frames = load_frames(dharmasraya_xlsx)
    for frame in (frames.sub_kegiatan, frames.kegiatan, frames.program):
        for column in ("pagu", "pagu_maju", "selisih"):
            assert frame[column].dtype == "Int64", column


def test_per_program_sums_equal_the_printed_program_subtotals(dharmasraya_xlsx: Path) -> None:
    program = program_frame(dharmasraya_xlsx)
    printed = _printed("program")
    assert list(program["program"]) == [row["uraian"] for row in printed]
    assert _pagu_list(program["pagu"]) == [row["pagu"] for row in printed]
    assert _pagu_list(program["pagu_maju"]) == [row["pagu_maju"] for row in printed]


def test_grouping_sub_kegiatan_by_program_gives_the_program_view(dharmasraya_xlsx: Path) -> None:
    frames = load_frames(dharmasraya_xlsx)
    summed = frames.sub_kegiatan.groupby("program", sort=False)[["pagu", "pagu_maju"]].sum()
    program = frames.program.set_index("program")[["pagu", "pagu_maju"]]
    pd.testing.assert_frame_equal(summed, program, check_names=False)


def test_per_kegiatan_sums_equal_the_printed_kegiatan_subtotals(dharmasraya_xlsx: Path) -> None:
    kegiatan = kegiatan_frame(dharmasraya_xlsx)
    printed = _printed("kegiatan")
    assert len(kegiatan) == 28
    assert _pagu_list(kegiatan["pagu"]) == [row["pagu"] for row in printed]
    assert _pagu_list(kegiatan["pagu_maju"]) == [row["pagu_maju"] for row in printed]
    assert kegiatan["jumlah_sub_kegiatan"].sum() == 90


def test_each_row_points_at_its_workbook_sheet_and_row(dharmasraya_xlsx: Path) -> None:
    frame = to_frame(dharmasraya_xlsx)
    first = frame.iloc[0]
    assert first["file"] == str(dharmasraya_xlsx)
    assert first["sheet"] == "Tabel 3.1"
    assert first["sub_kegiatan"] == "Koordinasi dan penyusunan dokumen RKA-SKPD"
    assert frame["row"].is_monotonic_increasing
    assert frame["row"].notna().all()


def test_a_sub_kegiatan_carries_its_parents_agency_and_parsed_target() -> None:
    frame = to_frame(load_example())
    row = frame[frame["sub_kegiatan"] == "Penyediaan Makanan"].iloc[0]
    assert row["program"] == "PROGRAM PENANGANAN BENCANA"
    assert row["bidang"] == "BIDANG SOSIAL"
    assert row["kegiatan"] != ""
    assert row["pemda"] == "Kabupaten Dharmasraya"
    assert row["opd_singkat"] == "DINSOSP3APPKB"
    assert row["tahun"] == 2022 and row["tahun_maju"] == 2023
    assert row["target"] == "1.000 korban"
    assert row["target_angka"] == 1000
    assert row["target_satuan"] == "korban"
    assert bool(row["spm"]) is True


def test_an_empty_sumber_dana_is_taken_from_the_kegiatan_or_program() -> None:
    frame = to_frame(load_example())
    row = frame[frame["sub_kegiatan"] == "pemberian layanan rujukan"].iloc[0]
    assert row["sumber_dana_tertulis"] == ""
    assert row["sumber_dana"] == "APBD"
    printed_dak = sum(
        row["pagu"] or 0 for row in _printed("sub_kegiatan") if row["sumber_dana"] == "DAK"
    )
    assert frame.loc[frame["sumber_dana"] == "DAK", "pagu"].sum() == printed_dak


def test_a_sub_kegiatan_budgeted_in_one_year_only_has_na_in_the_other() -> None:
    frame = to_frame(load_example())
    only_next = frame[frame["pagu"].isna()]
    assert len(only_next) == 4
    assert only_next["pagu_maju"].notna().all()
    assert (only_next["selisih"] == only_next["pagu_maju"]).all()
    assert only_next["persen_selisih"].isna().all()


def test_the_change_column_is_next_year_minus_this_year() -> None:
    program = program_frame(load_example()).set_index("program")
    kb = program.loc["PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)"]
    assert kb["selisih"] == 204_600_000 - 1_833_250_000
    assert kb["persen_selisih"] == pytest.approx(-88.84)


def test_tabel_41_gives_year_n_only() -> None:
    frame = to_frame(load_example(), "4.1")
    printed = _printed("sub_kegiatan", "tabel41")
    assert len(frame) == len(printed) == 86
    assert frame["pagu"].sum() == TOTAL_2022
    assert frame["pagu_maju"].isna().all()
    assert (frame["tabel"] == "4.1").all()


def test_many_sources_are_stacked_with_their_file(dharmasraya_xlsx: Path) -> None:
    frame = to_frame([load_example(), dharmasraya_xlsx])
    assert len(frame) == 180
    assert frame["pagu"].sum() == 2 * TOTAL_2022
    assert frame["file"].isna().sum() == 90


def test_a_source_without_the_chosen_table_is_refused() -> None:
    renja = load_example()
    only_41 = Renja(tahun=renja.tahun, opd=renja.opd, tabel41=renja.tabel41)
    with pytest.raises(LayoutNotFoundError, match=r"Tabel 3\.1"):
        to_frame(only_41)


def test_an_orphan_sub_kegiatan_stays_in_the_frame_without_parents() -> None:
    renja = load_example()
    tabel = renja.tabel31
    assert tabel is not None
    first_kegiatan = next(i for i, b in enumerate(tabel.baris) if b.level is Level.KEGIATAN)
    del tabel.baris[first_kegiatan]
    frame = to_frame(renja)
    assert len(frame) == 90
    orphans = frame[frame["kegiatan"] == ""]
    assert len(orphans) == 2
    assert (orphans["program"] == "").all()
    assert frame["pagu"].sum() == TOTAL_2022
