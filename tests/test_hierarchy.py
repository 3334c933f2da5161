"""The hierarchy derived from flat rows."""

from renja_xl.hierarchy import build_tree, orphans
from renja_xl.model import Baris, Level, Renja


def it_builds_bidang_program_kegiatan_sub_kegiatan(dharmasraya: Renja) -> None:
    roots = build_tree(dharmasraya.tabel31)
    assert [r.level for r in roots].count(Level.BIDANG) == 4
    assert roots[-1].level is Level.JUMLAH
    program = roots[0].children[0]
    assert program.baris.uraian == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
    assert [k.level for k in program.children] == [Level.KEGIATAN] * 6
    assert len(list(program.leaves())) == 16


def it_keeps_orphans_as_roots_and_lists_them() -> None:
    rows = [
        Baris(level=Level.SUB_KEGIATAN, uraian="tanpa kegiatan"),
        Baris(level=Level.PROGRAM, uraian="PROGRAM A"),
        Baris(level=Level.SUB_KEGIATAN, uraian="langsung di bawah program"),
        Baris(level=Level.KEGIATAN, uraian="Kegiatan"),
        Baris(level=Level.SUB_KEGIATAN, uraian="benar"),
    ]
    found = [n.baris.uraian for n in orphans(rows)]
    assert found == ["tanpa kegiatan", "langsung di bawah program"]
