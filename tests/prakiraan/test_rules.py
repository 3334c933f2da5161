"""Projection rules: which override reaches a row, and which one wins."""

from decimal import Decimal

from renja_xl.model import Baris, Level
from renja_xl.prakiraan import Lineage, ProjectionRule, ProjectionRules

PROGRAM = Baris(level=Level.PROGRAM, kode="1.06.04", uraian="PROGRAM REHABILITASI SOSIAL")
KEGIATAN = Baris(level=Level.KEGIATAN, kode="1.06.04.2.01",
                 uraian="Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar")
SUB = Baris(level=Level.SUB_KEGIATAN, kode="1.06.04.2.01.0001", uraian="Penyediaan  Permakanan")
LINEAGE = Lineage(program=PROGRAM, kegiatan=KEGIATAN, sub_kegiatan=SUB, sumber_dana="APBD")


def _growth(*rules: ProjectionRule) -> Decimal:
    return ProjectionRules(growth=Decimal(5), rules=rules).decide(LINEAGE).growth


def test_a_rule_matches_by_kode_or_by_name_ignoring_case_and_spacing():
    assert ProjectionRule(sub_kegiatan="1.06.04.2.01.0001").matches(LINEAGE)
    assert ProjectionRule(sub_kegiatan="penyediaan permakanan").matches(LINEAGE)
    assert not ProjectionRule(sub_kegiatan="Penyediaan Perumahan").matches(LINEAGE)


def test_a_program_matches_with_or_without_the_word_program():
    assert ProjectionRule(program="Rehabilitasi Sosial").matches(LINEAGE)
    assert ProjectionRule(program="program rehabilitasi sosial").matches(LINEAGE)


def test_a_trailing_star_matches_the_beginning_of_a_name():
    assert ProjectionRule(kegiatan="Rehabilitasi Sosial Dasar*").matches(LINEAGE)
    assert not ProjectionRule(kegiatan="Rehabilitasi Sosial Penyandang*").matches(LINEAGE)


def test_a_kegiatan_rule_does_not_reach_the_program_row_above_it():
    program_row = Lineage(program=PROGRAM, sumber_dana="APBD")
    assert not ProjectionRule(kegiatan="1.06.04.2.01").matches(program_row)


def test_the_defaults_apply_when_no_rule_matches():
    decision = ProjectionRules(growth=Decimal(5)).decide(LINEAGE)
    assert (decision.growth, decision.growth_rule, decision.skip) == (Decimal(5), None, False)


def test_the_more_specific_level_wins_whatever_the_order():
    program = ProjectionRule(program="1.06.04", growth=Decimal(10))
    sub = ProjectionRule(sub_kegiatan="Penyediaan Permakanan", growth=Decimal(0))
    assert _growth(sub, program) == 0
    assert _growth(program, sub) == 0


def test_a_sumber_dana_rule_loses_to_a_program_rule_and_beats_the_default():
    apbd = ProjectionRule(sumber_dana="apbd", growth=Decimal(2))
    assert _growth(apbd) == 2
    assert _growth(apbd, ProjectionRule(program="1.06.04", growth=Decimal(10))) == 10


def test_naming_a_sumber_dana_makes_a_rule_more_specific_at_its_level():
    plain = ProjectionRule(program="1.06.04", growth=Decimal(10))
    dak = ProjectionRule(program="1.06.04", sumber_dana="DAK", growth=Decimal(0))
    apbd = ProjectionRule(program="1.06.04", sumber_dana="APBD", growth=Decimal(3))
    assert _growth(apbd, plain, dak) == 3


def test_among_equals_the_last_declared_wins():
    assert _growth(ProjectionRule(program="1.06.04", growth=Decimal(1)),
                   ProjectionRule(program="1.06.04", growth=Decimal(2))) == 2


def test_each_setting_comes_from_the_most_specific_rule_that_sets_it():
    program = ProjectionRule(program="1.06.04", growth=Decimal(10), target_step=Decimal(5))
    sub = ProjectionRule(sub_kegiatan="1.06.04.2.01.0001", growth=Decimal(0))
    decision = ProjectionRules(rules=(program, sub)).decide(LINEAGE)
    assert (decision.growth, decision.target_step) == (0, 5)
    assert (decision.growth_rule, decision.target_rule) == (sub, program)


def test_with_defaults_replaces_only_what_is_given():
    rules = ProjectionRules(growth=Decimal(5), rounding=1, rules=(ProjectionRule(program="x"),))
    changed = rules.with_defaults(growth=Decimal(7))
    assert (changed.growth, changed.rounding, changed.rules) == (7, 1, rules.rules)


def test_a_rule_describes_itself_in_bahasa_indonesia():
    rule = ProjectionRule(kegiatan="K", sub_kegiatan="S", origin="aturan.toml, aturan ke-2")
    assert rule.describe() == "aturan.toml, aturan ke-2: sub kegiatan 'S', kegiatan 'K'"
