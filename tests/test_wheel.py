"""What the wheel ships: the library and its data, and none of the test or benchmark harnesses."""

import zipfile
from pathlib import Path

import renja_xl

# Harnesses that once lived in the package; they are in tests/support now.
HARNESSES = ("synthetic.py", "payload.py", "replay.py")


def _names(wheel: Path) -> list[str]:
    return zipfile.ZipFile(wheel).namelist()


def it_ships_only_the_renja_xl_package_and_its_metadata(wheel: Path) -> None:
    tops = {name.split("/")[0] for name in _names(wheel)}
    assert tops == {"renja_xl", f"renja_xl-{renja_xl.__version__}.dist-info"}


def it_ships_no_test_or_benchmark_harness(wheel: Path) -> None:
    names = _names(wheel)
    assert not [n for n in names if n.rsplit("/", 1)[-1] in HARNESSES]
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/"))]


def it_ships_the_templates_and_the_data_the_library_reads(wheel: Path) -> None:
    names = set(_names(wheel))
    assert {"renja_xl/templates/Tabel31.xlsx", "renja_xl/data/dharmasraya_2022.json",
            "renja_xl/prakiraan/aturan_dharmasraya.toml"} <= names
