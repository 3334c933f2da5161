"""The shape of a code tells its level."""

import pytest

from renja_xl.nomenklatur import is_valid_format, kode_level, parent_kode


@pytest.mark.parametrize(
    ("kode", "level"),
    [
        ("1", "urusan"),
        ("1.06", "bidang_urusan"),
        ("1.06.04", "program"),
        ("1.06.04.2.01", "kegiatan"),
        ("1.06.04.2.01.0001", "sub_kegiatan"),
        ("X.XX.01.2.01.0001", "sub_kegiatan"),
        (" 2.14.03 ", "program"),
    ],
)
def test_level_from_shape(kode, level):
    assert kode_level(kode) == level
    assert is_valid_format(kode)


@pytest.mark.parametrize(
    "kode",
    ["", "1.6", "1.06.4", "1.06.04.2", "1.06.04.2.01.01", "1.06.04.2.01.00001", "a.06", "1.06.04."],
)
def test_malformed_codes_have_no_level(kode):
    assert kode_level(kode) is None
    assert not is_valid_format(kode)


def test_parent_skips_the_kegiatan_digit():
    assert parent_kode("1.06.04.2.01.0001") == "1.06.04.2.01"
    assert parent_kode("1.06.04.2.01") == "1.06.04"
    assert parent_kode("1.06.04") == "1.06"
    assert parent_kode("1.06") == "1"
    assert parent_kode("1") is None
