"""Next year's Renja from this year's, on the model: the real Dharmasraya 2022 plan."""

from decimal import Decimal

import pytest

from renja_xl.errors import RenjaError
from renja_xl.model import Level, Renja
from renja_xl.prakiraan import ProjectionRules
from renja_xl.recompute import count
from renja_xl.tahun_depan import make_tahun_depan, shift_years
from renja_xl.totals import expected_totals

DHARMASRAYA_2023 = 13_878_624_857


def _plan(tabel, field="pagu"):
    return [(b.level, b.uraian, getattr(b, field)) for b in tabel if getattr(b, field) is not None]


def test_the_plan_of_2023_is_the_prakiraan_maju_of_2022_row_by_row(dharmasraya: Renja):
    new = make_tahun_depan(dharmasraya).renja
    assert new.tahun == 2023
    assert _plan(new.tabel31) == _plan(dharmasraya.tabel31, "pagu_maju")
    assert new.tabel31.jumlah.pagu == DHARMASRAYA_2023


def test_targets_of_2023_are_the_targets_maju_of_2022(dharmasraya: Renja):
    new = make_tahun_depan(dharmasraya).renja
    old = {b.uraian: b.target_maju.teks for b in dharmasraya.tabel31 if b.pagu_maju is not None}
    assert {b.uraian: b.target.teks for b in new.tabel31 if b.pagu is not None} == old


def test_sub_kegiatan_that_ended_in_2022_are_dropped(dharmasraya: Renja):
    result = make_tahun_depan(dharmasraya)
    ended = [b.uraian for b in dharmasraya.tabel31.rows(Level.SUB_KEGIATAN) if b.pagu_maju is None]
    assert [b.uraian for b in result.dropped] == ended
    assert len(ended) == 9
    assert count(result.renja.tabel31).sub_kegiatan == 81
    names = {b.uraian for b in result.renja.tabel31}
    assert not names & set(ended)


def test_keep_ended_keeps_them_without_pagu(dharmasraya: Renja):
    result = make_tahun_depan(dharmasraya, keep_ended=True)
    subs = result.renja.tabel31.rows(Level.SUB_KEGIATAN)
    assert result.dropped == []
    assert len(subs) == 90
    assert sum(1 for s in subs if s.pagu is None) == 9
    assert result.renja.tabel31.jumlah.pagu == DHARMASRAYA_2023


def test_the_2024_column_is_projected_by_the_rules(dharmasraya: Renja):
    rules = ProjectionRules(growth=Decimal(10), rounding=1)
    new = make_tahun_depan(dharmasraya, rules).renja
    for sub in new.tabel31.rows(Level.SUB_KEGIATAN):
        assert sub.pagu_maju == (sub.pagu * 11 + 5) // 10  # +10%, half a rupiah up
    assert new.tabel31.jumlah.pagu_maju == sum(
        s.pagu_maju for s in new.tabel31.rows(Level.SUB_KEGIATAN))


def test_the_default_rule_is_five_percent_rounded_to_a_thousand(dharmasraya: Renja):
    new = make_tahun_depan(dharmasraya).renja
    gaji = next(b for b in new.tabel31 if b.uraian == "Penyediaan Gaji dan Tunjangan ASN")
    assert gaji.pagu == 3_801_728_040
    assert gaji.pagu_maju == 3_991_814_000


def test_every_parent_holds_the_sum_of_its_rows(dharmasraya: Renja):
    new = make_tahun_depan(dharmasraya).renja
    for tabel in new.tabel:
        for (index, field), total in expected_totals(tabel).items():
            assert getattr(tabel.baris[index], field) == total


def test_tabel_41_is_the_2023_half_of_the_new_tabel_31(dharmasraya: Renja):
    new = make_tahun_depan(dharmasraya).renja
    assert _plan(new.tabel41) == _plan(new.tabel31)
    assert all(b.pagu_maju is None for b in new.tabel41)
    assert [b.target.teks for b in new.tabel41] == [
        b.target.teks for b in new.tabel31 if b.pagu is not None or b.level is Level.BIDANG]


def test_titles_and_date_line_move_on_one_year():
    assert shift_years("RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN 2022") == (
        "RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN 2023")
    assert shift_years("DAN PRAKIRAAN MAJU TAHUN 2023") == "DAN PRAKIRAAN MAJU TAHUN 2024"
    assert shift_years("Pulau Punjung, 12 Mei 2021") == "Pulau Punjung, 12 Mei 2022"


def test_date_line_and_signatory(dharmasraya: Renja):
    new = make_tahun_depan(dharmasraya).renja
    assert (new.tempat, new.tanggal) == ("Pulau Punjung", "2022")
    assert new.penandatangan == dharmasraya.penandatangan
    assert make_tahun_depan(dharmasraya, tanggal="2 Januari 2023").renja.tanggal == "2 Januari 2023"


def test_the_source_renja_is_left_as_it_was(dharmasraya: Renja):
    before = dharmasraya.model_dump()
    make_tahun_depan(dharmasraya)
    assert dharmasraya.model_dump() == before


def test_a_renja_of_another_year_is_refused(dharmasraya: Renja):
    with pytest.raises(RenjaError, match="Renja tahun 2022; Renja tahun 2025 dibuat dari"):
        make_tahun_depan(dharmasraya, tahun=2025)


def test_a_renja_without_prakiraan_maju_is_refused(dharmasraya: Renja):
    for row in dharmasraya.tabel31:
        row.pagu_maju = None
    with pytest.raises(RenjaError, match=r"prakiraan maju tahun 2023 Tabel 3\.1 kosong"):
        make_tahun_depan(dharmasraya)


def test_a_renja_with_only_tabel_41_is_refused(dharmasraya: Renja):
    dharmasraya.tabel31 = None
    with pytest.raises(RenjaError, match=r"tidak ada Tabel 3\.1"):
        make_tahun_depan(dharmasraya)
