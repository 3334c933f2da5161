"""Workbook names from Perangkat Daerah names, safe on Windows."""

import pytest

from renja_xl.sipd import safe_file_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Renja 2024 Dinas Kesehatan", "Renja 2024 Dinas Kesehatan.xlsx"),
        ('Dinas PU/PR: "Bidang" <Jalan>?', "Dinas PU PR Bidang Jalan.xlsx"),
        ("Kecamatan Waeapo. ", "Kecamatan Waeapo.xlsx"),
        ("CON", "_CON.xlsx"),
        ("", "_.xlsx"),
    ],
)
def it_makes_names_windows_accepts(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def it_keeps_long_names_short() -> None:
    assert len(safe_file_name("x" * 300)) <= 125
