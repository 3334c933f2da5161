"""The public surface of renja_xl.validasi."""

import renja_xl.validasi as validasi


def test_exported_members() -> None:
    assert set(validasi.__all__) == {
        "INTERNAL_CODE", "RULES", "CellMark", "Config", "ConfigError", "Finding", "Marks",
        "Report", "Rule", "Severity", "compute_marks", "load_config", "validate",
    }
    for name in validasi.__all__:
        assert hasattr(validasi, name)
