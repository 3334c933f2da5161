"""fill_prakiraan: the N+1 columns of Tabel 3.1 filled from year N by rules."""

from decimal import Decimal

import pytest

from renja_xl.errors import RenjaError
from renja_xl.model import Asal, Baris, Level, RawCell, Renja, Tabel, TabelKind, Target
from renja_xl.prakiraan import ProjectionRule, ProjectionRules, fill_prakiraan, load_example_rules
from renja_xl.totals import expected_totals

PRINTED_JUMLAH_2023 = 13_878_624_857


def _pattern_rows(tabel: Tabel) -> list[int]:
    """Sub kegiatan whose printed 2023 pagu is 2022 flat, +5% or +10%, exactly."""
    return [
        i
        for i, b in enumerate(tabel.baris)
        if b.level is Level.SUB_KEGIATAN
        and b.pagu
        and b.pagu_maju is not None
        and b.pagu_maju * 100 in (b.pagu * 100, b.pagu * 105, b.pagu * 110)
    ]


def _cells(tabel: Tabel) -> list[tuple[int | None, str]]:
    return [(b.pagu_maju, b.target_maju.teks) for b in tabel.baris]


def _small_tabel(*subs: Baris) -> Tabel:
    rows = [
        Baris(level=Level.PROGRAM, uraian="PROGRAM PERLINDUNGAN KHUSUS ANAK", sumber_dana="APBD"),
        Baris(level=Level.KEGIATAN, uraian="Pencegahan Kekerasan terhadap Anak"),
        *subs,
        Baris(level=Level.JUMLAH, uraian="JUMLAH"),
    ]
    return Tabel(kind=TabelKind.TABEL_31, baris=rows)


def _sub(uraian: str, pagu: int | None, **values: object) -> Baris:
    return Baris(level=Level.SUB_KEGIATAN, uraian=uraian, pagu=pagu, **values)


class TestDharmasrayaRules:
    def test_has_41_sub_kegiatan_that_follow_a_pattern(self, dharmasraya: Renja) -> None:
        assert len(_pattern_rows(dharmasraya.tabel31)) == 41

    def test_reproduces_the_printed_2023_pagu_of_every_pattern_row(self, dharmasraya: Renja):
        tabel = dharmasraya.tabel31
        rows = _pattern_rows(tabel)
        printed = {i: tabel.baris[i].pagu_maju for i in rows}
        for i in rows:
            tabel.baris[i].pagu_maju = None

        report = fill_prakiraan(dharmasraya, load_example_rules())

        assert {i: tabel.baris[i].pagu_maju for i in rows} == printed
        assert sorted(f.index for f in report.filled("pagu_maju")) == rows

    def test_keeps_the_printed_jumlah_which_is_the_sum_of_the_rows(self, dharmasraya: Renja):
        tabel = dharmasraya.tabel31
        for i in _pattern_rows(tabel):
            tabel.baris[i].pagu_maju = None

        fill_prakiraan(dharmasraya, load_example_rules())

        subs = sum(b.pagu_maju or 0 for b in tabel.rows(Level.SUB_KEGIATAN))
        assert tabel.jumlah.pagu_maju == subs == PRINTED_JUMLAH_2023

    def test_changes_no_cell_that_held_a_value(self, dharmasraya: Renja) -> None:
        tabel = dharmasraya.tabel31
        for i in _pattern_rows(tabel):
            tabel.baris[i].pagu_maju = None
        before = _cells(tabel)

        report = fill_prakiraan(dharmasraya, load_example_rules())

        after = _cells(tabel)
        changed = [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
        assert changed == sorted({f.index for f in report.fills})
        for fill in report.fills:
            assert fill.old is None
            assert before[fill.index][0 if fill.field == "pagu_maju" else 1] in (None, "")

    def test_changes_nothing_in_the_plan_as_printed(self, dharmasraya: Renja) -> None:
        before = _cells(dharmasraya.tabel31)
        report = fill_prakiraan(dharmasraya, load_example_rules())
        assert report.filled("pagu_maju") == []
        assert [f.index for f in report.totals] == []
        pagu_before = [p for p, _ in before]
        assert [b.pagu_maju for b in dharmasraya.tabel31.baris] == pagu_before

    def test_leaves_rows_marked_with_a_dash_empty(self, dharmasraya: Renja) -> None:
        report = fill_prakiraan(dharmasraya, load_example_rules())
        dashed = [s for s in report.skipped if "'-'" in s.reason]
        assert len(dashed) == 8
        assert all(s.baris.pagu_maju is None for s in dashed)

    def test_names_the_rule_behind_every_pagu(self, dharmasraya: Renja) -> None:
        tabel = dharmasraya.tabel31
        for i in _pattern_rows(tabel):
            tabel.baris[i].pagu_maju = None
        report = fill_prakiraan(dharmasraya, load_example_rules())
        gender = next(f for f in report.fills if f.new == 57_127_350)
        assert gender.rule == "kenaikan bawaan 5%"
        assert gender.how == "54.407.000 + 5% = 57.127.350"
        gaji = next(f for f in report.fills if f.new == 3_801_728_040)
        assert "aturan ke-1" in gaji.rule and "PROGRAM PENUNJANG" in gaji.rule


class TestEmptyCells:
    def test_fills_an_empty_pagu_rounded_to_a_thousand_by_default(self) -> None:
        tabel = _small_tabel(_sub("Advokasi", 54_407_000))
        report = fill_prakiraan(tabel, ProjectionRules())
        assert tabel.baris[2].pagu_maju == 57_127_000
        assert report.fills[0].how.endswith("(dibulatkan ke Rp 1.000)")

    def test_rounds_half_up(self) -> None:
        tabel = _small_tabel(_sub("Advokasi", 10_000_000))
        fill_prakiraan(tabel, ProjectionRules(growth=Decimal("0.005"), rounding=1000))
        assert tabel.baris[2].pagu_maju == 10_001_000  # 10.000.500 → 10.001.000

    def test_does_not_touch_a_filled_pagu_without_timpa(self) -> None:
        tabel = _small_tabel(_sub("Advokasi", 100_000_000, pagu_maju=90_000_000))
        report = fill_prakiraan(tabel, ProjectionRules(growth=Decimal(10)))
        assert tabel.baris[2].pagu_maju == 90_000_000
        assert report.filled("pagu_maju") == []

    def test_overwrites_a_filled_pagu_with_timpa(self) -> None:
        tabel = _small_tabel(_sub("Advokasi", 100_000_000, pagu_maju=90_000_000))
        report = fill_prakiraan(tabel, ProjectionRules(growth=Decimal(10)), timpa=True)
        assert tabel.baris[2].pagu_maju == 110_000_000
        assert report.filled("pagu_maju")[0].old == 90_000_000

    def test_counts_a_text_cell_as_not_empty(self) -> None:
        raw = {"pagu_maju": RawCell(ref="J7", value="menunggu")}
        tabel = _small_tabel(_sub("Advokasi", 100_000_000, raw=raw))
        fill_prakiraan(tabel, ProjectionRules())
        assert tabel.baris[2].pagu_maju is None

    def test_skips_a_sub_kegiatan_with_no_pagu_this_year(self) -> None:
        tabel = _small_tabel(_sub("Baru tahun depan", None))
        report = fill_prakiraan(tabel, ProjectionRules())
        assert tabel.baris[2].pagu_maju is None
        assert report.skipped[0].reason == "tidak ada pagu tahun N"

    def test_skips_a_pagu_that_is_not_a_number(self) -> None:
        raw = {"pagu": RawCell(ref="F7", value="seratus juta")}
        tabel = _small_tabel(_sub("Advokasi", None, raw=raw))
        report = fill_prakiraan(tabel, ProjectionRules())
        assert report.skipped[0].reason == "pagu tahun N bukan angka"

    def test_reports_the_sheet_row_of_each_cell(self) -> None:
        tabel = _small_tabel(_sub("Advokasi", 1_000_000, asal=Asal(sheet="T31", row=12)))
        report = fill_prakiraan(tabel, ProjectionRules())
        assert report.fills[0].row == 12


class TestParents:
    def test_sets_kegiatan_program_and_jumlah_to_the_sum(self) -> None:
        tabel = _small_tabel(_sub("A", 100_000_000), _sub("B", 200_000_000, pagu_maju=1))
        report = fill_prakiraan(tabel, ProjectionRules(growth=Decimal(10)))
        assert [b.pagu_maju for b in tabel.baris] == [110_000_001, 110_000_001, 110_000_000, 1,
                                                      110_000_001]
        assert {f.index for f in report.totals} == {0, 1, 4}
        assert all(f.rule == "jumlah baris di bawahnya" for f in report.totals)

    def test_leaves_parents_of_untouched_rows_alone(self) -> None:
        tabel = _small_tabel(_sub("A", 100_000_000, pagu_maju=5))
        tabel.baris[1].pagu_maju = 999  # wrong, but not this command's business
        fill_prakiraan(tabel, ProjectionRules())
        assert tabel.baris[1].pagu_maju == 999

    def test_agrees_with_recompute_after_filling(self, dharmasraya: Renja) -> None:
        tabel = dharmasraya.tabel31
        for row in tabel.rows(Level.SUB_KEGIATAN):
            row.pagu_maju = None
            row.target_maju = Target()
        fill_prakiraan(dharmasraya, ProjectionRules())
        for (index, field), value in expected_totals(tabel).items():
            assert getattr(tabel.baris[index], field) == value


class TestTargets:
    def test_carries_a_target_forward_with_its_unit(self) -> None:
        tabel = _small_tabel(_sub("A", 1_000, target=Target.from_text("52 Orang")))
        fill_prakiraan(tabel, ProjectionRules())
        assert tabel.baris[2].target_maju == Target.from_text("52 Orang")

    def test_grows_a_target_by_a_rule(self) -> None:
        tabel = _small_tabel(_sub("A", 1_000, target=Target.from_text("52 Orang")))
        rule = ProjectionRule(sub_kegiatan="a", target_growth=Decimal(10))
        fill_prakiraan(tabel, ProjectionRules(rules=(rule,)))
        assert tabel.baris[2].target_maju.teks == "57 Orang"

    def test_never_takes_a_percentage_past_100(self) -> None:
        tabel = _small_tabel(_sub("A", 1_000, target=Target.from_text("98%")))
        report = fill_prakiraan(tabel, ProjectionRules(target_step=Decimal(5)))
        assert tabel.baris[2].target_maju.teks == "100%"
        assert report.filled("target_maju")[0].how == "ditambah 5, dibatasi 100%"

    def test_carries_a_qualitative_target_as_text(self) -> None:
        tabel = _small_tabel(_sub("A", 1_000, target=Target.from_text("Pratama")))
        fill_prakiraan(tabel, ProjectionRules(target_growth=Decimal(10)))
        assert tabel.baris[2].target_maju.teks == "Pratama"

    def test_fills_kegiatan_targets_too(self) -> None:
        tabel = _small_tabel(_sub("A", 1_000))
        tabel.baris[1].target = Target.from_text("85%")
        fill_prakiraan(tabel, ProjectionRules())
        assert tabel.baris[1].target_maju.teks == "85%"

    def test_keeps_a_typed_target(self) -> None:
        sub = _sub("A", 1_000, target=Target.from_text("52"), target_maju=Target.from_text("60"))
        tabel = _small_tabel(sub)
        fill_prakiraan(tabel, ProjectionRules(target_growth=Decimal(10)))
        assert tabel.baris[2].target_maju.teks == "60"


class TestSkipRule:
    def test_leaves_a_sub_kegiatan_that_ends_empty(self) -> None:
        tabel = _small_tabel(_sub("Berakhir", 1_000_000), _sub("Lanjut", 1_000_000))
        rule = ProjectionRule(sub_kegiatan="berakhir", skip=True, origin="uji")
        rules = ProjectionRules(rules=(rule,))
        report = fill_prakiraan(tabel, rules)
        assert [b.pagu_maju for b in tabel.baris[2:4]] == [None, 1_050_000]
        assert report.skipped[0].reason == "dilewati menurut aturan (uji: sub kegiatan 'berakhir')"


def test_refuses_a_table_without_prakiraan_maju() -> None:
    with pytest.raises(RenjaError, match=r"Tabel 3\.1"):
        fill_prakiraan(Tabel(kind=TabelKind.TABEL_41), ProjectionRules())
