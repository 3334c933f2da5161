"""Realistic synthetic agency Renja, made from the real Dharmasraya rows.

`generate(seed, rows=…)` builds a `Renja` (Tabel 3.1 and 4.1) whose programs,
kegiatan and sub kegiatan are the real plan's rows reshuffled and resampled,
with pagu perturbed to plausible whole-thousand rupiah, N+1 grown by 0, 5 or
10%, and an invented agency, pemda and signatory. The same seed always gives
the same Renja; subtotals agree by construction (`recompute`).

Faults are data: `generate(..., faults=[FaultKind.TEXT_IN_PAGU, ...])` plants
them and returns a `Fault` record for each (row, field, the Validasi code it
should raise), so Validasi and bulk tests know exactly what to expect.
`write_synthetic` writes one to .xlsx (planting formula faults in the cells),
and `write_synthetic_folder` writes many, some of them deliberately broken
files, for the bulk commands and benchmarks.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from renja_xl.example import load_example
from renja_xl.hierarchy import build_tree, iter_nodes
from renja_xl.model import Baris, Level, Penandatangan, RawCell, Renja, Tabel, TabelKind, Target
from renja_xl.prakiraan.rounding import grow, round_to_unit
from renja_xl.recompute import recompute
from renja_xl.workbook.layout import layout_for

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = [
    "BrokenKind",
    "Fault",
    "FaultKind",
    "Synthetic",
    "SyntheticFolder",
    "generate",
    "write_broken",
    "write_synthetic",
    "write_synthetic_folder",
]


class FaultKind(StrEnum):
    """A mistake planning staff make, planted on purpose."""

    SUBTOTAL_RANGE = "subtotal_range"
    """A kegiatan's subtotal misses its last sub kegiatan (in a file: a formula range one
    row short, which Validasi also reports as pagu.formula_range)."""
    JUMLAH_RANGE = "jumlah_range"
    """The JUMLAH misses the last sub kegiatan of the table. Validasi stays silent on a
    total over a cell that is not a number, so plant it without TEXT_IN_PAGU."""
    TEXT_IN_PAGU = "text_in_pagu"
    """A sub kegiatan's pagu is text ("seratus juta")."""
    NEGATIVE_PAGU = "negative_pagu"
    """A sub kegiatan's pagu is negative."""
    MISSING_SUMBER_DANA = "missing_sumber_dana"
    """A budgeted sub kegiatan names no sumber dana."""
    MISSING_PAGU_MAJU = "missing_pagu_maju"
    """A sub kegiatan budgeted in N has no N+1 pagu."""

    @property
    def code(self) -> str:
        """The Validasi finding code this fault should raise."""
        return _FAULT_CODES[self]


_FAULT_CODES = {
    FaultKind.SUBTOTAL_RANGE: "pagu.subtotal_mismatch",
    FaultKind.JUMLAH_RANGE: "pagu.jumlah_mismatch",
    FaultKind.TEXT_IN_PAGU: "pagu.not_a_number",
    FaultKind.NEGATIVE_PAGU: "pagu.negative",
    FaultKind.MISSING_SUMBER_DANA: "sumber_dana.empty",
    FaultKind.MISSING_PAGU_MAJU: "pagu.maju_missing",
}


@dataclass(frozen=True)
class Fault:
    """One planted fault: where (row index in Tabel 3.1, field) and what."""

    kind: FaultKind
    index: int
    field: str
    expected: int | str | None
    actual: int | str | None

    @property
    def code(self) -> str:
        """The Validasi finding code this fault should raise."""
        return self.kind.code


@dataclass
class Synthetic:
    """A generated Renja and the faults planted in it (empty when clean)."""

    renja: Renja
    faults: list[Fault] = field(default_factory=list)
    seed: int = 0


# --- names -------------------------------------------------------------------

_PEMDA = (
    "Kabupaten Dharmasraya", "Kabupaten Solok Selatan", "Kabupaten Sijunjung",
    "Kabupaten Tanah Datar", "Kabupaten Agam", "Kabupaten Pasaman Barat", "Kota Padang",
    "Kota Bukittinggi", "Kota Payakumbuh", "Kabupaten Pesisir Selatan", "Kabupaten Kampar",
    "Kabupaten Bungo", "Kabupaten Kerinci", "Kota Jambi", "Kabupaten Lima Puluh Kota",
    "Kabupaten Banyumas", "Kabupaten Sleman", "Kota Kupang", "Kabupaten Gowa", "Kota Ambon",
)
_OPD = (
    ("Dinas Sosial", "DINSOS"),
    ("Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", "DINSOSP3A"),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    ("Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
     "Keluarga Berencana", "DINSOSP3APPKB"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("Dinas Pemberdayaan Masyarakat dan Nagari", "DPMN"),
    ("Sekretariat Daerah", "SETDA"),
)
_FIRST = ("Ahmad", "Rina", "Budi", "Sri", "Yusuf", "Desi", "Hendra", "Nurhayati", "Fitri",
          "Zulkifli", "Rahmat", "Yeni", "Afrizal", "Lestari", "Syafri", "Maya")
_LAST = ("Putra", "Wati", "Saputra", "Hidayat", "Rahman", "Sari", "Chaniago", "Piliang",
         "Tanjung", "Sikumbang", "Harahap", "Nasution", "Lubis", "Siregar")
_TITLES = ("S.Sos", "S.STP, M.Si", "SE, MM", "S.Kep, M.Kes", "S.Pd, M.Pd", "SH, MH", "ST, MT")
_RANKS = ("Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)")
_TEXTS_IN_PAGU = ("seratus juta", "menunggu RKA", "lihat lampiran", "belum ditetapkan", "TBA")
_GROWTH = (Decimal(0), Decimal(5), Decimal(5), Decimal(10), Decimal(10), Decimal(5))
_BIDANG_EVERY = 3


# --- the real rows, grouped ---------------------------------------------------

@dataclass(frozen=True)
class _Block:
    """A real program or kegiatan with the real rows under it."""

    baris: Baris
    children: tuple[_Block, ...] = ()


@cache
def _pool() -> tuple[tuple[_Block, ...], tuple[Baris, ...], tuple[str, ...]]:
    """(programs with kegiatan and sub kegiatan, every sub kegiatan, bidang names)."""
    tabel = load_example().tabel31
    assert tabel is not None
    programs = []
    for node in iter_nodes(build_tree(tabel)):
        if node.level is Level.PROGRAM:
            kegiatan = tuple(
                _Block(k.baris, tuple(_Block(s.baris) for s in k.children))
                for k in node.children if k.level is Level.KEGIATAN and k.children
            )
            programs.append(_Block(node.baris, kegiatan))
    subs = tuple(b for b in tabel.baris if b.level is Level.SUB_KEGIATAN)
    bidang = tuple(b.uraian for b in tabel.baris if b.level is Level.BIDANG)
    return tuple(programs), subs, bidang


# --- generation ---------------------------------------------------------------

def generate(seed: int = 0, *, rows: int | None = None, faults: Sequence[FaultKind] = (),
             tahun: int = 2024) -> Synthetic:
    """A synthetic Renja of about `rows` table rows (30–400 by default), reproducible by seed.

    Each kind in `faults` is planted once (repeat a kind to plant it again).
    """
    rng = random.Random(seed)
    size = rows if rows is not None else _default_size(rng)
    baris = _table_rows(rng, size)
    renja = _renja(rng, tahun, baris)
    tabel = renja.tabel31
    assert tabel is not None
    planted = [_plant_cell(rng, tabel, kind) for kind in faults if kind not in _RANGE_FAULTS]
    recompute(tabel)
    renja.tabel41 = _tabel41(tabel)  # before the range faults: 4.1 keeps correct totals
    for kind in (k for k in faults if k in _RANGE_FAULTS):
        planted.append(_plant_range(rng, tabel, kind, {f.index for f in planted}))
    return Synthetic(renja=renja, faults=planted, seed=seed)


def _default_size(rng: random.Random) -> int:
    return int(30 * (400 / 30) ** rng.random())  # log-uniform: many small, a few large


def _table_rows(rng: random.Random, size: int) -> list[Baris]:
    programs, subs, bidang = _pool()
    out: list[Baris] = []
    count = 0
    while len(out) < max(size - 1, 4):
        if count % _BIDANG_EVERY == 0:
            out.append(Baris(level=Level.BIDANG, uraian=rng.choice(bidang), bold=True))
        out.extend(_program_rows(rng, rng.choice(programs), subs, size - len(out)))
        count += 1
    out.append(Baris(level=Level.JUMLAH, uraian="JUMLAH", bold=True))
    return out


def _program_rows(rng: random.Random, program: _Block, subs: tuple[Baris, ...], room: int
                  ) -> list[Baris]:
    out = [_copy(program.baris, bold=True)]
    kegiatan = list(program.children)
    rng.shuffle(kegiatan)
    others = [k for p in _pool()[0] if p is not program for k in p.children]
    kegiatan += rng.sample(others, rng.randint(0, 2))  # agencies mix programs' kegiatan
    for block in kegiatan[:max(1, room // 5)]:
        out.append(_copy(block.baris, sumber_dana=block.baris.sumber_dana or "APBD"))
        for sub in _sub_sample(rng, block, subs):
            out.append(_sub(rng, sub, out[-1].sumber_dana))
    return out


def _sub_sample(rng: random.Random, block: _Block, subs: tuple[Baris, ...]) -> list[Baris]:
    own = [c.baris for c in block.children]
    count = rng.randint(1, max(2, len(own) + 2))
    chosen = rng.sample(own, min(count, len(own)))
    chosen += [rng.choice(subs) for _ in range(count - len(chosen))]
    rng.shuffle(chosen)
    return chosen


def _sub(rng: random.Random, real: Baris, sumber_dana: str) -> Baris:
    base = real.pagu or real.pagu_maju or 50_000_000
    pagu = max(1_000_000, round_to_unit(Decimal(base) * rng.randint(50, 200) / 100, 1000))
    target = real.target if real.target.teks.strip(" -") else Target.from_text("1 Dokumen")
    return _copy(
        real,
        pagu=pagu,
        pagu_maju=grow(pagu, rng.choice(_GROWTH), 1),
        sumber_dana=real.sumber_dana or sumber_dana,
        lokasi=real.lokasi or "Kab./Kota",
        target=target,
        target_maju=target,
    )


def _copy(real: Baris, **changes: object) -> Baris:
    values = {"level": real.level, "kode": real.kode, "uraian": real.uraian,
              "indikator": real.indikator, "lokasi": real.lokasi, "target": real.target,
              "sumber_dana": real.sumber_dana, "catatan": real.catatan, "bold": real.bold}
    values.update(changes)
    if real.level is not Level.SUB_KEGIATAN:
        values["target"] = Target()
    return Baris(**values)  # type: ignore[arg-type]


def _renja(rng: random.Random, tahun: int, baris: list[Baris]) -> Renja:
    pemda = rng.choice(_PEMDA)
    opd, singkat = rng.choice(_OPD)
    nama = f"{rng.choice(_FIRST).upper()} {rng.choice(_LAST).upper()}, {rng.choice(_TITLES)}"
    nip = (f"19{rng.randint(65, 90)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} "
           f"{rng.randint(1990, 2012)}{rng.randint(1, 12):02d} {rng.randint(1, 2)} "
           f"{rng.randint(1, 9):03d}")
    return Renja(
        pemda=pemda, opd=f"{opd} ({singkat})", opd_singkat=singkat, tahun=tahun,
        tempat=pemda.split(" ", 1)[1], tanggal=f"{tahun - 1}",
        penandatangan=Penandatangan(jabatan="Kepala", nama=nama, pangkat=rng.choice(_RANKS),
                                    nip=nip),
        tabel31=Tabel(kind=TabelKind.TABEL_31, sheet="Tabel 3.1", baris=baris),
    )


def _tabel41(tabel31: Tabel) -> Tabel:
    rows = [
        b.model_copy(update={"pagu_maju": None, "target_maju": Target()}, deep=True)
        for b in tabel31.baris
        if b.level is not Level.SUB_KEGIATAN or b.pagu is not None or "pagu" in b.raw
    ]
    return Tabel(kind=TabelKind.TABEL_41, sheet="Tabel 4.1", baris=rows)


# --- faults -------------------------------------------------------------------

_RANGE_FAULTS = frozenset({FaultKind.SUBTOTAL_RANGE, FaultKind.JUMLAH_RANGE})


def _clean_subs(tabel: Tabel) -> list[int]:
    return [i for i, b in enumerate(tabel.baris)
            if b.level is Level.SUB_KEGIATAN and b.pagu and b.pagu > 0 and not b.raw
            and b.sumber_dana and b.pagu_maju is not None]


def _plant_cell(rng: random.Random, tabel: Tabel, kind: FaultKind) -> Fault:
    index = rng.choice(_clean_subs(tabel))
    row = tabel.baris[index]
    if kind is FaultKind.TEXT_IN_PAGU:
        text = rng.choice(_TEXTS_IN_PAGU)
        fault = Fault(kind, index, "pagu", row.pagu, text)
        row.pagu = None
        row.raw["pagu"] = RawCell(ref="", value=text)
    elif kind is FaultKind.NEGATIVE_PAGU:
        fault = Fault(kind, index, "pagu", row.pagu, -row.pagu)  # type: ignore[operator]
        row.pagu = -row.pagu  # type: ignore[operator]
    elif kind is FaultKind.MISSING_SUMBER_DANA:
        fault = Fault(kind, index, "sumber_dana", row.sumber_dana, None)
        row.sumber_dana = ""
    elif kind is FaultKind.MISSING_PAGU_MAJU:
        fault = Fault(kind, index, "pagu_maju", row.pagu_maju, None)
        row.pagu_maju = None
    else:
        raise ValueError(f"bukan kesalahan sel: {kind}")
    return fault


def _plant_range(rng: random.Random, tabel: Tabel, kind: FaultKind, taken: set[int]) -> Fault:
    """A subtotal one row short: the parent's figure lacks its block's last sub kegiatan.

    The kegiatan is one with no other planted fault inside, so each fault stands alone.
    """
    nodes = list(iter_nodes(build_tree(tabel)))
    if kind is FaultKind.JUMLAH_RANGE:
        parent = nodes[-1] if nodes[-1].level is Level.JUMLAH else None
        last = max((n for n in nodes if n.level is Level.SUB_KEGIATAN), key=lambda n: n.index)
    else:
        candidates = [n for n in nodes if n.level is Level.KEGIATAN and len(n.children) > 1
                      and n.children[-1].baris.pagu
                      and not taken & {n.index, *(c.index for c in n.descendants())}]
        parent = rng.choice(candidates) if candidates else None
        last = parent.children[-1] if parent else None
    if parent is None or last is None or not last.baris.pagu:
        raise ValueError(f"tidak ada tempat untuk menanam {kind}")
    expected = parent.baris.pagu
    parent.baris.pagu = (expected or 0) - last.baris.pagu
    return Fault(kind, parent.index, "pagu", expected, parent.baris.pagu)


# --- files --------------------------------------------------------------------

class BrokenKind(StrEnum):
    """A file a bulk command must refuse without stopping the others."""

    NOT_A_WORKBOOK = "not_a_workbook"
    """Plain text with an .xlsx name."""
    TRUNCATED = "truncated"
    """A real workbook cut off halfway (an interrupted copy or download)."""
    NO_HEADER = "no_header"
    """A valid workbook with no Tabel 3.1 / 4.1 header in any sheet."""


@dataclass
class SyntheticFolder:
    """What `write_synthetic_folder` wrote: every file, in order, and what each holds."""

    files: list[Path] = field(default_factory=list)
    synthetic: dict[Path, Synthetic] = field(default_factory=dict)
    """The good files and the Renja each holds (with its planted faults)."""
    broken: dict[Path, BrokenKind] = field(default_factory=dict)

    @property
    def good(self) -> list[Path]:
        """The files that hold a readable Renja, in order."""
        return [p for p in self.files if p in self.synthetic]


def write_synthetic(synthetic: Synthetic, path: str | Path) -> Path:
    """Write a generated Renja to .xlsx, with its faults planted in the cells."""
    from renja_xl.workbook.saving import save_workbook
    from renja_xl.workbook.writer import build_workbook

    path = Path(path)
    wb = build_workbook(synthetic.renja)
    for fault in synthetic.faults:
        _plant_in_sheets(wb, synthetic.renja, fault)
    save_workbook(wb, path, backup=False)
    return path


def _plant_in_sheets(wb: Workbook, renja: Renja, fault: Fault) -> None:
    """Put a fault the writer cannot express (text, short formula range) into the cells."""
    tabel = renja.tabel31
    assert tabel is not None
    first = layout_for(TabelKind.TABEL_31).first_data_row
    cell = wb[tabel.sheet].cell(first + fault.index, tabel.columns[fault.field])
    if fault.kind is FaultKind.TEXT_IN_PAGU:
        cell.value = fault.actual
        _plant_text_in_41(wb, renja, fault)
    elif fault.kind in _RANGE_FAULTS:
        cell.value = _shorter_range(str(cell.value))


def _plant_text_in_41(wb: Workbook, renja: Renja, fault: Fault) -> None:
    tabel41 = renja.tabel41
    row = renja.tabel31.baris[fault.index] if renja.tabel31 else None
    if tabel41 is None or row is None:
        return
    index = next((i for i, b in enumerate(tabel41.baris) if b.raw.get("pagu") == row.raw["pagu"]
                  and b.uraian == row.uraian), None)
    if index is not None:
        first = layout_for(TabelKind.TABEL_41).first_data_row
        wb[tabel41.sheet].cell(first + index, tabel41.columns["pagu"]).value = fault.actual


def _shorter_range(formula: str) -> str:
    """'=SUBTOTAL(9,F13:F15)' → '=SUBTOTAL(9,F13:F14)'."""
    head, _, tail = formula.rpartition(":")
    letters = "".join(c for c in tail if c.isalpha())
    digits = "".join(c for c in tail if c.isdigit())
    return f"{head}:{letters}{int(digits) - 1})"


def write_broken(path: str | Path, kind: BrokenKind, seed: int = 0) -> Path:
    """Write a deliberately unusable file of the given kind."""
    path = Path(path)
    if kind is BrokenKind.NOT_A_WORKBOOK:
        path.write_text("Renja tahun depan menyusul.\nIni bukan workbook Excel.\n", "utf-8")
    elif kind is BrokenKind.TRUNCATED:
        write_synthetic(generate(seed, rows=60), path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        _write_no_header(path)
    return path


def _write_no_header(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Catatan"
    ws.append(["Catatan rapat penyusunan Renja"])
    ws.append(["No", "Hal", "Tindak lanjut"])
    ws.append([1, "Pagu indikatif menunggu surat edaran", "Sekretariat"])
    wb.save(path)


def write_synthetic_folder(
    folder: str | Path,
    n: int,
    *,
    broken: int = 0,
    seed: int = 0,
    rows: int | tuple[int, int] | None = (30, 200),
    faults: Sequence[FaultKind] = (),
    tahun: int = 2024,
) -> SyntheticFolder:
    """Write `n` workbooks into `folder`, `broken` of them unusable files.

    `rows` is the size of each Renja: a number, a (min, max) range, or None for
    the default spread (30–400). Each file has its own seed derived from `seed`,
    so file i is the same whatever `n` is. `faults` are planted in every good file.
    """
    if not 0 <= broken <= n:
        raise ValueError("jumlah berkas rusak harus antara 0 dan n")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    broken_at = dict(zip(sorted(rng.sample(range(n), broken)), _broken_cycle(broken),
                         strict=True))
    result = SyntheticFolder()
    for i in range(n):
        file_seed = seed * 100_003 + i
        synthetic = generate(file_seed, rows=_size(file_seed, rows), faults=faults, tahun=tahun)
        path = folder / _file_name(i, synthetic.renja)
        if i in broken_at:
            write_broken(path, broken_at[i], seed=file_seed)
            result.broken[path] = broken_at[i]
        else:
            write_synthetic(synthetic, path)
            result.synthetic[path] = synthetic
        result.files.append(path)
    return result


def _broken_cycle(count: int) -> list[BrokenKind]:
    kinds = list(BrokenKind)
    return [kinds[i % len(kinds)] for i in range(count)]


def _size(seed: int, rows: int | tuple[int, int] | None) -> int | None:
    if rows is None or isinstance(rows, int):
        return rows
    return random.Random(seed ^ 0x5EED).randint(*rows)


def _file_name(i: int, renja: Renja) -> str:
    pemda = renja.pemda.removeprefix("Kabupaten ").removeprefix("Kota ").replace(" ", "_")
    return f"{i + 1:04d}_Renja_{renja.opd_singkat}_{pemda}_{renja.tahun}.xlsx"
