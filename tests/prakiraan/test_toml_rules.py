"""Projection rules from a TOML file."""

from decimal import Decimal
from pathlib import Path

import pytest

from renja_xl.errors import RenjaError
from renja_xl.prakiraan import (
    ProjectionRule,
    ProjectionRules,
    load_example_rules,
    load_rules,
    rules_from_toml,
)

RULES = """
kenaikan = "5%"
pembulatan = 1
tambah_target = 5

[[aturan]]
program = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
kenaikan = "10%"
keterangan = "belanja penunjang"

[[aturan]]
sub_kegiatan = "Penyediaan Barang Cetak dan Penggandaan"
kenaikan = "tetap"

[[aturan]]
sumber_dana = "DAK"
lewati = true
kenaikan_target = "2,5%"
"""


def test_a_rules_file_declares_defaults_and_overrides():
    rules = rules_from_toml(RULES, origin="aturan.toml")
    assert (rules.growth, rules.rounding, rules.target_step) == (5, 1, 5)
    assert rules.rules == (
        ProjectionRule(program="PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", growth=Decimal(10),
                       note="belanja penunjang", origin="aturan.toml, aturan ke-1"),
        ProjectionRule(sub_kegiatan="Penyediaan Barang Cetak dan Penggandaan", growth=Decimal(0),
                       origin="aturan.toml, aturan ke-2"),
        ProjectionRule(sumber_dana="DAK", skip=True, target_growth=Decimal("2.5"),
                       origin="aturan.toml, aturan ke-3"),
    )


def test_an_empty_file_gives_the_defaults():
    assert rules_from_toml("") == ProjectionRules(origin="aturan")


def test_a_bare_number_is_a_percentage():
    assert rules_from_toml("kenaikan = 7.5").growth == Decimal("7.5")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kenaikn = 5", "kunci tidak dikenal 'kenaikn'"),
        ("kenaikan = 'lima'", "kenaikan: bukan persentase: 'lima'"),
        ("pembulatan = 0", "pembulatan: satuan pembulatan harus 1 rupiah atau lebih"),
        ("[[aturan]]\nprogram = 'X'\nnaik = 5", "aturan ke-1, naik: kunci tidak dikenal"),
        ("[[aturan]]\nprogram = 'X'\nlewati = 'mungkin'", "aturan ke-1, lewati: isi dengan 'ya'"),
        ("[[aturan]]\nkenaikan_target = 5\ntambah_target = 1", "aturan ke-1"),
        ("kenaikan = ", "bukan TOML yang benar"),
    ],
)
def test_a_mistake_is_reported_in_bahasa_indonesia(text, message):
    with pytest.raises(RenjaError, match=message.replace("(", r"\(")):
        rules_from_toml(text)


def test_load_rules_names_the_file_in_errors(tmp_path: Path):
    path = tmp_path / "aturan.toml"
    path.write_text("kenaikan = 'x'", encoding="utf-8")
    with pytest.raises(RenjaError) as caught:
        load_rules(path)
    assert str(caught.value).startswith("berkas aturan.toml: kenaikan:")


def test_load_rules_reads_a_file(tmp_path: Path):
    path = tmp_path / "aturan.toml"
    path.write_text(RULES, encoding="utf-8")
    assert load_rules(path).rules[0].origin == "aturan.toml, aturan ke-1"


def test_a_missing_file_is_one_readable_error(tmp_path: Path):
    with pytest.raises(RenjaError, match="tidak dapat dibaca"):
        load_rules(tmp_path / "tidak-ada.toml")


def test_the_dharmasraya_rules_round_to_the_rupiah_and_grow_5_percent():
    rules = load_example_rules()
    assert (rules.growth, rules.rounding) == (5, 1)
    assert len(rules.rules) < 20
