"""Regenerate renja_xl/nomenklatur/data/sipd_buru/kode.csv.gz: the nomenclature codes observed
in the SIPD-RI exports shipped in tests/sipd/data (see PROVENANCE.md there).

Run: python scripts/sipd_kode.py
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from renja_xl.nomenklatur.codes import kode_level  # noqa: E402
from renja_xl.sipd import read_export  # noqa: E402

EXPORTS = {
    "APBD 2024": ROOT / "tests/sipd/data/rekap_apbd_murni_2024.xlsx",
    "KUA-PPAS 2025": ROOT / "tests/sipd/data/kua_ppas_2025.xlsx",
}
OUT = ROOT / "renja_xl/nomenklatur/data/sipd_buru/kode.csv.gz"
_LEVELS = (("kode_bidang", "nama_bidang"), ("kode_program", "nama_program"),
           ("kode_kegiatan", "nama_kegiatan"), ("kode_sub_kegiatan", "nama_sub_kegiatan"))


def main() -> None:
    """Collect (kode → level, name, exports) and write the list sorted by code."""
    found: dict[str, dict[str, object]] = {}
    for label, path in EXPORTS.items():
        for row in read_export(path).rows:
            for kode_field, nama_field in _LEVELS:
                kode = getattr(row, kode_field)
                level = kode_level(kode)
                if level is None:
                    continue
                entry = found.setdefault(kode, {"level": level, "nama": getattr(row, nama_field),
                                                "ekspor": []})
                if label not in entry["ekspor"]:
                    entry["ekspor"].append(label)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["kode", "level", "nama", "ekspor"])
    for kode in sorted(found, key=lambda k: [(p.isdigit(), p.zfill(4)) for p in k.split(".")]):
        entry = found[kode]
        writer.writerow([kode, entry["level"], entry["nama"], "; ".join(entry["ekspor"])])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.getvalue().encode("utf-8"))
    print(f"{len(found)} kode ditulis ke {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
