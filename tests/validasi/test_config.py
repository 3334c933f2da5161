"""Rules switched off or re-levelled through arguments or a TOML file."""

from pathlib import Path

import pytest

from renja_xl.example import load_example
from renja_xl.validasi import Config, ConfigError, Severity, load_config, validate


def test_a_pattern_switches_a_family_of_rules_off() -> None:
    report = validate(load_example(), disable=["sumber_dana.*", "tabel.mismatch"])
    assert not [f for f in report if f.code.startswith("sumber_dana.")]
    assert report.errors == []


def test_a_rule_can_be_made_an_error() -> None:
    report = validate(load_example(), severity={"target.no_number": "error"})
    assert {f.severity for f in report.by_code("target.no_number")} == {Severity.ERROR}


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"pagu\.tidak_ada"):
        validate(load_example(), disable=["pagu.tidak_ada"])


def test_toml_file_sets_rules_and_limits(tmp_path: Path) -> None:
    path = tmp_path / "validasi.toml"
    path.write_text(
        '[aturan]\nnonaktif = ["kode.*"]\n[aturan.tingkat]\n"pagu.maju_jump" = "error"\n'
        '[batas]\nlonjakan_pagu_maju = 1.5\nsumber_dana_tambahan = ["PAD Lainnya"]\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config == Config(
        disabled=frozenset({"kode.*"}),
        severity={"pagu.maju_jump": Severity.ERROR},
        maju_jump_share=1.5,
        extra_sumber_dana=("PAD Lainnya",),
    )
    # With a 150% limit only the jump of +152% remains.
    jumps = validate(load_example(), path).by_code("pagu.maju_jump")
    assert [(f.actual, f.severity) for f in jumps] == [(126000000, Severity.ERROR)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[aturan.tingkat]\n\"pagu.negative\" = \"fatal\"\n", "error"),
        ("[batas]\nlonjakan_pagu_maju = \"banyak\"\n", "lonjakan_pagu_maju"),
        ("[aturan\n", "tidak dapat dibaca"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "salah.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=words) as caught:
        load_config(path)
    assert "salah.toml" in str(caught.value)
