"""Subtotals and counts recomputed from the sub kegiatan."""

from renja_xl.model import Level, Renja
from renja_xl.recompute import count, recompute
from renja_xl.totals import expected_totals


def it_counts_the_real_tabel_31(dharmasraya: Renja) -> None:
    counts = count(dharmasraya.tabel31)
    assert (counts.program, counts.kegiatan, counts.sub_kegiatan) == (13, 28, 90)
    assert counts.sub_kegiatan_budgeted == 86
    assert counts.sub_kegiatan_budgeted_next == 81
    assert counts.total_pagu == 14_428_928_570
    assert counts.total_pagu_maju == 13_878_624_857


def it_counts_the_real_tabel_41(dharmasraya: Renja) -> None:
    counts = count(dharmasraya.tabel41)
    assert (counts.program, counts.kegiatan, counts.sub_kegiatan) == (13, 28, 86)
    assert counts.total_pagu == 14_428_928_570
    assert counts.total_pagu_maju is None


def it_finds_every_printed_subtotal_already_right(dharmasraya: Renja) -> None:
    for tabel in dharmasraya.tabel:
        assert recompute(tabel) == []


def it_fixes_a_wrong_subtotal_in_either_year_and_then_changes_nothing(dharmasraya: Renja) -> None:
    tabel = dharmasraya.tabel31
    kegiatan = tabel.rows(Level.KEGIATAN)[3]
    jumlah = tabel.jumlah
    right = (kegiatan.pagu, kegiatan.pagu_maju, jumlah.pagu)
    kegiatan.pagu, kegiatan.pagu_maju, jumlah.pagu = 1, 2, 3
    changes = recompute(tabel)
    assert {(c.baris.level, c.field) for c in changes} == {
        (Level.KEGIATAN, "pagu"), (Level.KEGIATAN, "pagu_maju"), (Level.JUMLAH, "pagu")}
    assert (kegiatan.pagu, kegiatan.pagu_maju, jumlah.pagu) == right
    assert recompute(tabel) == []


def it_sums_a_program_from_its_sub_kegiatan_not_from_typed_kegiatan(dharmasraya: Renja) -> None:
    tabel = dharmasraya.tabel31
    program_index = next(i for i, b in enumerate(tabel.baris) if b.level is Level.PROGRAM)
    kegiatan = tabel.baris[program_index + 1]
    kegiatan.pagu += 1_000  # a wrong typed kegiatan must not leak into its program
    totals = expected_totals(tabel)
    assert totals[(program_index, "pagu")] == 5_211_187_570


def it_leaves_a_year_empty_when_no_child_has_a_figure(dharmasraya: Renja) -> None:
    tabel = dharmasraya.tabel31
    k = next(i for i, b in enumerate(tabel.baris) if b.level is Level.KEGIATAN)
    for row in tabel.baris[k + 1:]:
        if row.level is not Level.SUB_KEGIATAN:
            break
        row.pagu_maju = None
    assert expected_totals(tabel)[(k, "pagu_maju")] is None
