"""A finding is a frozen record of every declared field, however it is built."""

from dataclasses import FrozenInstanceError, asdict, fields, replace

import pytest

from renja_xl.validasi import Finding, Severity

_VALUES = {
    "code": "pagu.negative", "severity": Severity.ERROR, "sheet": "Tabel 3.1", "cell": "F23",
    "row": 23, "message": "Pagu tahun 2022 bernilai negatif (Rp -5).", "expected": "0 atau lebih",
    "actual": -5, "field": "pagu", "related": "'Tabel 3.1'!F20", "file": "renja.xlsx",
}


def test_every_declared_field_is_set_by_name_and_by_position() -> None:
    by_name = Finding(**_VALUES)  # type: ignore[arg-type]
    by_position = Finding(*_VALUES.values())  # type: ignore[arg-type]
    assert [f.name for f in fields(Finding)] == list(_VALUES)
    assert asdict(by_name) == _VALUES == asdict(by_position)
    assert by_name == by_position and hash(by_name) == hash(by_position)


def test_optional_fields_default_to_none() -> None:
    finding = Finding("kode.format", Severity.ERROR, "Tabel 4.1", None, None, "Kode salah.")
    assert (finding.expected, finding.actual, finding.field, finding.related, finding.file) == (
        None, None, None, None, None,
    )


def test_a_finding_cannot_be_changed_only_replaced() -> None:
    finding = Finding(**_VALUES)  # type: ignore[arg-type]
    with pytest.raises(FrozenInstanceError):
        finding.code = "pagu.fraction"  # type: ignore[misc]
    assert replace(finding, code="pagu.fraction").code == "pagu.fraction"
    assert finding.code == "pagu.negative"
