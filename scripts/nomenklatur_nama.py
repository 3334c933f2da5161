"""Regenerate the name indexes under renja_xl/nomenklatur/data that `name_levels` reads:
each normalised official name with the levels it occurs at, one file per version.

Run after changing a nomenclature file: python scripts/nomenklatur_nama.py
(tests/nomenklatur/test_loading.py fails while an index is out of date).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from renja_xl.nomenklatur.loading import (  # noqa: E402
    VERSIONS,
    name_index_file,
    name_levels_of_rows,
)

DATA = ROOT / "renja_xl/nomenklatur/data"


def main() -> None:
    """Write each version's index, names sorted, levels sorted within a line."""
    for version in VERSIONS:
        index = name_levels_of_rows(version)
        text = "".join(f"{name}\t{' '.join(sorted(levels))}\n"
                       for name, levels in sorted(index.items()))
        path = DATA / name_index_file(version)
        with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as handle:
            handle.write(text.encode("utf-8"))
        print(f"{version}: {len(index)} nama ditulis ke {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
